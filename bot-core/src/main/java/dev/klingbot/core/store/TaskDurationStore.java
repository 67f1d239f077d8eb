package dev.klingbot.core.store;

import static java.util.Objects.requireNonNull;

import dev.klingbot.kling.TaskDuration;
import dev.klingbot.kling.TaskMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * How long finished Kling tasks took, by task mode and result length: the history the job runner's
 * poll planner learns from. Reads are cached for a minute per kind (and dropped when this process
 * records one), so following many tasks costs no query per check; another process's records are
 * seen within that minute.
 */
public final class TaskDurationStore {
  /** How many recent tasks of a kind the planner looks at. */
  static final int RECENT = 200;

  private static final Duration CACHE_FOR = Duration.ofMinutes(1);

  private record Cached(List<Duration> durations, long untilNanos) {}

  private final Jdbi jdbi;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  public TaskDurationStore(Database database) {
    this.jdbi = requireNonNull(database, "database is null").jdbi();
  }

  /** Records how long the task of an edit took; a second record for the same edit is ignored. */
  public void record(
      String editId, TaskMode mode, TaskDuration length, Duration took, Instant finishedAt) {
    requireNonNull(editId, "editId is null");
    if (took.isNegative() || took.isZero()) {
      return;
    }
    try {
      jdbi.useHandle(
          handle ->
              handle
                  .createUpdate(
                      "INSERT INTO task_durations (edit_id, task_mode, output_seconds, duration_ms,"
                          + " finished_at) VALUES (:edit, :mode, :seconds, :ms, :at)")
                  .bind("edit", editId)
                  .bind("mode", key(mode))
                  .bind("seconds", length.seconds())
                  .bind("ms", took.toMillis())
                  .bind("at", Sql.timestamp(finishedAt))
                  .execute());
    } catch (UnableToExecuteStatementException e) {
      if (!Sql.isUniqueViolation(e)) {
        throw e;
      }
    }
    cache.remove(cacheKey(mode, length));
  }

  /** The durations of the most recent finished tasks of a kind (up to 200), newest first. */
  public List<Duration> recent(TaskMode mode, TaskDuration length) {
    long now = System.nanoTime();
    Cached cached = cache.get(cacheKey(mode, length));
    if (cached != null && now - cached.untilNanos() < 0) {
      return cached.durations();
    }
    List<Duration> durations =
        jdbi.withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT duration_ms FROM task_durations WHERE task_mode = :mode AND"
                            + " output_seconds = :seconds ORDER BY finished_at DESC LIMIT "
                            + RECENT)
                    .bind("mode", key(mode))
                    .bind("seconds", length.seconds())
                    .mapTo(Long.class)
                    .map(Duration::ofMillis)
                    .list());
    cache.put(
        cacheKey(mode, length), new Cached(List.copyOf(durations), now + CACHE_FOR.toNanos()));
    return durations;
  }

  private static String key(TaskMode mode) {
    return mode.name().toLowerCase(Locale.ROOT);
  }

  private static String cacheKey(TaskMode mode, TaskDuration length) {
    return key(mode) + "/" + length.seconds();
  }
}
