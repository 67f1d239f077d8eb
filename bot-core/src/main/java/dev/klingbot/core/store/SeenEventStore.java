package dev.klingbot.core.store;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
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
  private final Object queueLock = new Object();
  private List<Pending> queued = new ArrayList<>();
  private boolean writing;

  public SeenEventStore(Database database) {
    this.jdbi = requireNonNull(database, "database is null").jdbi();
  }

  /**
   * Records {@code key} as seen until {@code now + keep}, and says whether this is the first time
   * it is seen (a key whose earlier record has expired counts as new again).
   *
   * <p>Calls that arrive together are written together: while one caller writes, the others queue,
   * and the next caller writes everything queued in one transaction. A burst of a hundred signed
   * Slack requests costs a few commits instead of a hundred, one after the other, which the last
   * acknowledgement of the burst waited for. Should another process have recorded one of the keys
   * in the meantime (the batch's insert fails), the batch is done again one key at a time.
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
    Pending mine = new Pending(key, now, now.plus(keep));
    synchronized (queueLock) {
      queued.add(mine);
    }
    while (true) {
      List<Pending> batch;
      synchronized (queueLock) {
        while (!mine.done && writing) {
          try {
            queueLock.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while recording an event", e);
          }
        }
        if (mine.done) {
          return mine.answer();
        }
        writing = true;
        batch = queued;
        queued = new ArrayList<>();
      }
      try {
        write(batch);
      } finally {
        synchronized (queueLock) {
          writing = false;
          queueLock.notifyAll();
        }
      }
    }
  }

  private void write(List<Pending> batch) {
    try {
      jdbi.useTransaction(handle -> writeTogether(handle, batch));
    } catch (RuntimeException e) {
      // Another process recorded one of the keys after they were looked up (or the batch failed
      // otherwise): one key at a time, each deciding on its own.
      for (Pending pending : batch) {
        if (pending.done) {
          continue; // answered by a commit that went through
        }
        try {
          pending.answer(one(pending.key, pending.now, pending.expires));
        } catch (RuntimeException each) {
          pending.fail(each);
        }
      }
    }
  }

  private static void writeTogether(Handle handle, List<Pending> batch) {
    Map<String, List<Pending>> byKey = new LinkedHashMap<>();
    batch.forEach(
        pending -> byKey.computeIfAbsent(pending.key, k -> new ArrayList<>()).add(pending));
    Map<String, Instant> recorded = new HashMap<>();
    handle
        .createQuery("SELECT event_key, expires_at FROM seen_events WHERE event_key IN (<keys>)")
        .bindList("keys", List.copyOf(byKey.keySet()))
        .map((rs, ctx) -> Map.entry(rs.getString(1), Sql.instant(rs.getTimestamp(2))))
        .forEach(entry -> recorded.put(entry.getKey(), entry.getValue()));
    PreparedBatch inserts =
        handle.prepareBatch(
            "INSERT INTO seen_events (event_key, expires_at) VALUES (:key, :expires)");
    Map<Pending, Boolean> answers = new HashMap<>();
    for (List<Pending> same : byKey.values()) {
      Pending first = same.get(0);
      Instant until = recorded.get(first.key);
      boolean isNew;
      if (until == null) {
        inserts.bind("key", first.key).bind("expires", Sql.timestamp(first.expires)).add();
        isNew = true;
      } else {
        isNew = renew(handle, first.key, first.now, first.expires) == 1;
      }
      answers.put(first, isNew);
      same.stream().skip(1).forEach(later -> answers.put(later, false));
    }
    if (inserts.size() > 0) {
      inserts.execute();
    }
    // answered only once the transaction is about to commit; a failure above answers nobody
    handle.afterCommit(() -> answers.forEach(Pending::answer));
  }

  /** The one-key way: insert, and on a conflict renew an expired record. */
  private boolean one(String key, Instant now, Instant expires) {
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
    return jdbi.withHandle(handle -> renew(handle, key, now, expires)) == 1;
  }

  private static int renew(Handle handle, String key, Instant now, Instant expires) {
    return handle
        .createUpdate(
            "UPDATE seen_events SET expires_at = :expires"
                + " WHERE event_key = :key AND expires_at <= :now")
        .bind("key", key)
        .bind("expires", Sql.timestamp(expires))
        .bind("now", Sql.timestamp(now))
        .execute();
  }

  /** One caller's key, waiting for its answer. */
  private static final class Pending {
    final String key;
    final Instant now;
    final Instant expires;
    // written and read under the store's queue lock, or before the writer lets go of it
    volatile boolean done;
    volatile boolean isNew;
    volatile RuntimeException failure;

    Pending(String key, Instant now, Instant expires) {
      this.key = key;
      this.now = now;
      this.expires = expires;
    }

    void answer(boolean value) {
      isNew = value;
      done = true;
    }

    void fail(RuntimeException e) {
      failure = e;
      done = true;
    }

    boolean answer() {
      if (failure != null) {
        throw failure;
      }
      return isNew;
    }
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
