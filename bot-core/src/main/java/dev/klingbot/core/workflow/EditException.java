package dev.klingbot.core.workflow;

import static java.util.Objects.requireNonNull;

/**
 * Something the user can fix or should know, in plain words: a refused instruction, a bad video, a
 * spent quota, an edit that is not theirs. Adapters show {@link #getMessage()} to the requester
 * (ephemerally where the platform allows); it never holds a stack trace or a secret.
 */
public final class EditException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of problem it is; adapters may choose wording or visibility from it. */
  public enum Kind {
    INSTRUCTION,
    VIDEO,
    IMAGE,
    QUOTA,
    NOT_FOUND,
    NOT_ALLOWED,
    WRONG_STATE,
    SELECTION,
    KLING,
    CONFIGURATION,
    BUSY
  }

  private final Kind kind;

  public EditException(Kind kind, String message) {
    super(requireNonNull(message, "message is null"));
    this.kind = requireNonNull(kind, "kind is null");
  }

  public EditException(Kind kind, String message, Throwable cause) {
    super(requireNonNull(message, "message is null"), cause);
    this.kind = requireNonNull(kind, "kind is null");
  }

  public Kind kind() {
    return kind;
  }
}
