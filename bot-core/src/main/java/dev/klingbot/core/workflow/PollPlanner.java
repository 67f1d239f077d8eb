package dev.klingbot.core.workflow;

import static java.util.Objects.requireNonNull;

import dev.klingbot.kling.TaskDuration;
import dev.klingbot.kling.TaskMode;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;

/**
 * When to ask Kling about a running task next, learned from how long earlier tasks of the same kind
 * (task mode and result length) took.
 *
 * <p>Without a history (fewer than {@link #MIN_HISTORY} finished tasks of the kind) it falls back
 * to the plain backoff. With one, it looks at the tasks of the kind that took longer than this one
 * has run so far: it sleeps until the earliest of them could finish, and then checks at intervals
 * that shrink where many of them finish (the chance that this task finishes in the next moment, its
 * hazard, is high) and grow where few do. The interval {@code h} balances one more call against the
 * delay it saves: with hazard {@code r} (per second) the cost per second of waiting, {@code 1/h +
 * r·h/(2·c)}, is lowest at {@code h = sqrt(2·c/r)}, where {@code c} is how many seconds of delay
 * one call is worth ({@link #SECONDS_PER_CALL}).
 *
 * <p>When Kling calls back (a public address is configured), the callback is the fast path and
 * polling is only a safety net: one look once the longest task of the kind would have finished,
 * then the plain backoff.
 */
public final class PollPlanner {
  /** Finished tasks of a kind needed before the planner trusts its history. */
  public static final int MIN_HISTORY = 8;

  /** How many seconds of added delay one more call to Kling is worth. */
  static final double SECONDS_PER_CALL = 1.0;

  private static final Duration MIN_INTERVAL = Duration.ofSeconds(3);
  private static final double LOW_QUANTILE = 0.02;

  /** The durations of recent finished tasks of a kind, in any order. */
  @FunctionalInterface
  public interface History {
    List<Duration> recent(TaskMode mode, TaskDuration length);

    History NONE = (mode, length) -> List.of();
  }

  private final History history;
  private final IntFunction<Duration> backoff;
  private final Duration maxInterval;
  private final boolean callbacks;

  /**
   * @param history finished tasks to learn from
   * @param backoff the plain backoff: the wait after {@code n} checks
   * @param maxInterval the longest wait between checks once a task runs longer than any earlier one
   *     of its kind
   * @param callbacks whether Kling calls back when a task ends
   */
  public PollPlanner(
      History history, IntFunction<Duration> backoff, Duration maxInterval, boolean callbacks) {
    this.history = requireNonNull(history, "history is null");
    this.backoff = requireNonNull(backoff, "backoff is null");
    this.maxInterval = requireNonNull(maxInterval, "maxInterval is null");
    this.callbacks = callbacks;
  }

  /** The planner of the workflow's settings (callbacks when a public address is set). */
  public static PollPlanner of(History history, WorkflowSettings settings) {
    return new PollPlanner(
        history,
        settings::pollDelay,
        settings.jobs().pollMaxInterval(),
        settings.publicBaseUrl() != null);
  }

  /**
   * The wait before the next check of a task of this kind that has been running for {@code elapsed}
   * and was checked {@code checksSoFar} times.
   */
  public Duration next(TaskMode mode, TaskDuration length, Duration elapsed, int checksSoFar) {
    List<Duration> past = history.recent(mode, length);
    if (past.size() < MIN_HISTORY) {
      return backoff.apply(checksSoFar);
    }
    long now = elapsed.toMillis();
    long[] longer =
        past.stream().mapToLong(Duration::toMillis).filter(d -> d > now).sorted().toArray();
    if (longer.length == 0) {
      // Longer than any earlier task of its kind: back off, from the start of the backoff.
      return min(backoff.apply(checksSoFar), maxInterval);
    }
    if (callbacks) {
      // The callback says when it ends; look once after the longest earlier task, as a safety net.
      long last = longer[longer.length - 1];
      return atLeast(Duration.ofMillis(last - now + Math.max(10_000, last / 10)));
    }
    long earliest = longer[(int) Math.floor(LOW_QUANTILE * (longer.length - 1))];
    if (earliest - now > MIN_INTERVAL.toMillis()) {
      return Duration.ofMillis(earliest - now);
    }
    // Hazard: the share of the longer tasks that finished within the next window, per second.
    long median = longer[longer.length / 2];
    long window = Math.max(10_000, median / 10);
    int finishing = 0;
    for (long duration : longer) {
      if (duration <= now + window) {
        finishing++;
      }
    }
    if (finishing == 0) {
      return atLeast(Duration.ofMillis(Math.min(window, maxInterval.toMillis())));
    }
    double hazardPerSecond = finishing / (double) longer.length / (window / 1000.0);
    double seconds = Math.sqrt(2 * SECONDS_PER_CALL / hazardPerSecond);
    return atLeast(min(Duration.ofMillis((long) (seconds * 1000)), maxInterval));
  }

  private static Duration atLeast(Duration wait) {
    return wait.compareTo(MIN_INTERVAL) < 0 ? MIN_INTERVAL : wait;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
