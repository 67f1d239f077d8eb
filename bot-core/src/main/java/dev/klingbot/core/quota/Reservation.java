package dev.klingbot.core.quota;

/** The answer to a reservation: granted, or refused with a plain-words reason. */
public sealed interface Reservation {
  /** Units are held for the edit. {@code alreadyHeld} when this edit had reserved before. */
  record Granted(int units, boolean alreadyHeld) implements Reservation {}

  /** Nothing was reserved; {@code message} tells the user why and what to do. */
  record Refused(Reason reason, String message) implements Reservation {}

  /** Why a reservation was refused. */
  enum Reason {
    SERVER_DAILY,
    SERVER_MONTHLY,
    USER_DAILY,
    CONCURRENT,
    PRO_NOT_ALLOWED,
    TEN_SECONDS_NOT_ALLOWED,
    EDITS_DISABLED
  }
}
