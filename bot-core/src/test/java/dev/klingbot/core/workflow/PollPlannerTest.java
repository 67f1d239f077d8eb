package dev.klingbot.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.kling.TaskDuration;
import dev.klingbot.kling.TaskMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class PollPlannerTest {
  private static final IntFunction<Duration> BACKOFF = checks -> Duration.ofSeconds(5L << checks);
  private static final Duration MAX = Duration.ofSeconds(60);

  /** Earlier std 5 s tasks took 100 to 140 s, evenly spread; pro tasks are unknown. */
  private static final PollPlanner.History HISTORY =
      (mode, length) -> {
        if (mode != TaskMode.STD || length != TaskDuration.FIVE) {
          return List.of();
        }
        List<Duration> durations = new ArrayList<>();
        for (int seconds = 100; seconds <= 140; seconds += 2) {
          durations.add(Duration.ofSeconds(seconds));
        }
        return durations;
      };

  private final PollPlanner polling = new PollPlanner(HISTORY, BACKOFF, MAX, false);

  @Test
  void withoutAHistoryOfItsKindATaskIsFollowedWithThePlainBackoff() {
    assertThat(next(TaskMode.PRO, 0, 0)).isEqualTo(Duration.ofSeconds(5));
    assertThat(next(TaskMode.PRO, 15, 2)).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void aNewTaskIsFirstLookedAtWhenTheEarliestOfItsKindFinished() {
    assertThat(next(TaskMode.STD, 0, 0)).isEqualTo(Duration.ofSeconds(100));
    assertThat(next(TaskMode.STD, 40, 1)).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void whereTasksOfItsKindFinishItIsLookedAtOftenAndMoreOftenTowardsTheLast() {
    Duration early = next(TaskMode.STD, 100, 1);
    Duration late = next(TaskMode.STD, 130, 5);

    assertThat(early).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(20));
    assertThat(late).isLessThan(early).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void aTaskLongerThanAnyOfItsKindFallsBackToTheBackoffCappedAtTheLongestWait() {
    assertThat(next(TaskMode.STD, 150, 0)).isEqualTo(Duration.ofSeconds(5));
    assertThat(next(TaskMode.STD, 400, 9)).isEqualTo(MAX);
  }

  @Test
  void withCallbacksPollingIsOneSafetyLookAfterTheLongestOfItsKind() {
    PollPlanner withCallbacks = new PollPlanner(HISTORY, BACKOFF, MAX, true);

    Duration first = withCallbacks.next(TaskMode.STD, TaskDuration.FIVE, Duration.ZERO, 0);

    assertThat(first).isGreaterThan(Duration.ofSeconds(140)).isLessThan(Duration.ofSeconds(200));
  }

  /**
   * When to look next at a 5 s task of {@code mode}, {@code elapsedSeconds} in, after {@code
   * checks}.
   */
  private Duration next(TaskMode mode, long elapsedSeconds, int checks) {
    return polling.next(mode, TaskDuration.FIVE, Duration.ofSeconds(elapsedSeconds), checks);
  }
}
