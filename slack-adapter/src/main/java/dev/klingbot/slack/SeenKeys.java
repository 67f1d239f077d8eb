package dev.klingbot.slack;

import java.time.Duration;
import java.time.Instant;

/**
 * Where the adapter remembers what it has already acted on. The app passes the database's {@code
 * SeenEventStore::firstTime}, so that what was seen survives a restart and is shared by every
 * instance; the adapter itself never touches the store.
 */
@FunctionalInterface
public interface SeenKeys {
  /**
   * Records {@code key} as seen until {@code now + keep}; whether it is seen for the first time.
   */
  boolean firstTime(String key, Instant now, Duration keep);
}
