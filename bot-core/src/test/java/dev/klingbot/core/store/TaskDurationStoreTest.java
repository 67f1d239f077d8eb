package dev.klingbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.testing.OnEveryDatabase;
import dev.klingbot.core.testing.TestDatabases;
import dev.klingbot.kling.TaskDuration;
import dev.klingbot.kling.TaskMode;
import java.time.Duration;
import java.time.Instant;

class TaskDurationStoreTest {
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  @OnEveryDatabase
  void durationsAreKeptByKindNewestFirstAndOncePerEdit(String kind) {
    try (Database database = TestDatabases.open(kind)) {
      TaskDurationStore durations = new TaskDurationStore(database);
      durations.record("E1", TaskMode.STD, TaskDuration.FIVE, Duration.ofSeconds(90), NOW);
      durations.record(
          "E2", TaskMode.STD, TaskDuration.FIVE, Duration.ofSeconds(100), NOW.plusSeconds(5));
      durations.record("E3", TaskMode.PRO, TaskDuration.FIVE, Duration.ofSeconds(300), NOW);
      durations.record("E4", TaskMode.STD, TaskDuration.TEN, Duration.ofSeconds(200), NOW);
      // The same finish handled again after a crash counts once.
      durations.record(
          "E1", TaskMode.STD, TaskDuration.FIVE, Duration.ofSeconds(95), NOW.plusSeconds(9));

      assertThat(durations.recent(TaskMode.STD, TaskDuration.FIVE))
          .containsExactly(Duration.ofSeconds(100), Duration.ofSeconds(90));
      assertThat(durations.recent(TaskMode.PRO, TaskDuration.FIVE))
          .containsExactly(Duration.ofSeconds(300));
      assertThat(durations.recent(TaskMode.PRO, TaskDuration.TEN)).isEmpty();
      // Another process (a second store on the same database) sees them too.
      assertThat(new TaskDurationStore(database).recent(TaskMode.STD, TaskDuration.TEN))
          .containsExactly(Duration.ofSeconds(200));
    }
  }

  @OnEveryDatabase
  void aRecordReachesTheCacheOfTheProcessThatMadeIt(String kind) {
    try (Database database = TestDatabases.open(kind)) {
      TaskDurationStore durations = new TaskDurationStore(database);
      assertThat(durations.recent(TaskMode.STD, TaskDuration.FIVE)).isEmpty();

      durations.record("E1", TaskMode.STD, TaskDuration.FIVE, Duration.ofSeconds(42), NOW);

      assertThat(durations.recent(TaskMode.STD, TaskDuration.FIVE))
          .containsExactly(Duration.ofSeconds(42));
    }
  }

  @OnEveryDatabase
  void onlyTheMostRecentTwoHundredCount(String kind) {
    try (Database database = TestDatabases.open(kind)) {
      TaskDurationStore durations = new TaskDurationStore(database);
      for (int i = 0; i < TaskDurationStore.RECENT + 20; i++) {
        durations.record(
            "E" + i,
            TaskMode.STD,
            TaskDuration.FIVE,
            Duration.ofSeconds(i + 1),
            NOW.plusSeconds(i));
      }

      assertThat(durations.recent(TaskMode.STD, TaskDuration.FIVE))
          .hasSize(TaskDurationStore.RECENT)
          .first()
          .isEqualTo(Duration.ofSeconds(TaskDurationStore.RECENT + 20));
    }
  }
}
