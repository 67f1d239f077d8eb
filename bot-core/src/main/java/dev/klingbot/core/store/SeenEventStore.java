package dev.klingbot.core.store;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Remembers which platform events (by id) and signed requests (by signature) were already handled,
 * in the database, each for a limited time. Several processes sharing one database, and a process
 * restarted while the platform retries, agree on who goes first: the insert decides.
 */
public final class SeenEventStore {
  private static final Duration PURGE_EVERY = Duration.ofMinutes(1);
  private static final int MAX_KEY = 255;

  private final Jdbi jdbi;
  private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.EPOCH);

  public SeenEventStore(Database database) {
    this.jdbi = requireNonNull(database, "database is null").jdbi();
  }

  /**
   * Records {@code key} as seen until {@code now + keep}, and says whether this is the first time
   * it is seen (a key whose earlier record has expired counts as new again).
   */
  public boolean firstTime(String key, Instant now, Duration keep) {
    requireNonNull(key, "key is null");
    requireNonNull(now, "now is null");
    if (key.isEmpty() || key.length() > MAX_KEY) {
      throw new IllegalArgumentException("an event key has 1 to " + MAX_KEY + " characters");
    }
    if (keep.isNegative() || keep.isZero()) {
      throw new IllegalArgumentException("keep must be positive");
    }
    purgeNowAndThen(now);
    Instant expires = now.plus(keep);
    try {
      jdbi.useHandle(
          handle ->
              handle
                  .createUpdate(
                      "INSERT INTO seen_events (event_key, expires_at) VALUES (:key, :expires)")
                  .bind("key", key)
                  .bind("expires", Sql.timestamp(expires))
                  .execute());
      return true;
    } catch (UnableToExecuteStatementException e) {
      if (!Sql.isUniqueViolation(e)) {
        throw e;
      }
    }
    // Seen before: new only if that record has run out, and then only for the one who renews it.
    int renewed =
        jdbi.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "UPDATE seen_events SET expires_at = :expires"
                            + " WHERE event_key = :key AND expires_at <= :now")
                    .bind("key", key)
                    .bind("expires", Sql.timestamp(expires))
                    .bind("now", Sql.timestamp(now))
                    .execute());
    return renewed == 1;
  }

  /** Deletes the records that ran out before {@code now}; answers how many. */
  public int purge(Instant now) {
    return jdbi.withHandle(
        handle ->
            handle
                .createUpdate("DELETE FROM seen_events WHERE expires_at <= :now")
                .bind("now", Sql.timestamp(now))
                .execute());
  }

  private void purgeNowAndThen(Instant now) {
    Instant last = lastPurge.get();
    if (now.isAfter(last.plus(PURGE_EVERY)) && lastPurge.compareAndSet(last, now)) {
      purge(now);
    }
  }
}
