package dev.klingbot.slack;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;

/**
 * What the Slack adapter has already acted on, kept in the database (through {@link SeenKeys}) so
 * that Slack's retries (at once, after 1 and after 5 minutes) are recognised after a restart or by
 * another instance too: events by their id, mentions by channel and message ts (Slack may send one
 * message both as {@code app_mention} and as a {@code message}), signed HTTP requests by their
 * signature.
 */
final class SeenEvents {
  /** Well past Slack's last retry. */
  static final Duration EVENTS = Duration.ofHours(1);

  private final SeenKeys store;
  private final Clock clock;

  SeenEvents(SeenKeys store, Clock clock) {
    this.store = requireNonNull(store, "store is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** Whether the event id is new (an event without an id always is). */
  boolean event(String eventId) {
    return eventId == null || store.firstTime("slack:event:" + eventId, clock.instant(), EVENTS);
  }

  /** Whether this message's mention is new. */
  boolean mention(String teamId, String channel, String ts) {
    if (channel == null || ts == null) {
      return true;
    }
    return store.firstTime(
        "slack:mention:" + teamId + ":" + channel + ":" + ts, clock.instant(), EVENTS);
  }

  /** Whether a signed request is new; {@code keep} covers the time its timestamp is accepted. */
  boolean signature(String signature, Duration keep) {
    return store.firstTime("slack:signature:" + signature, clock.instant(), keep);
  }
}
