package dev.klingbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.klingbot.core.testing.Concurrently;
import dev.klingbot.core.testing.OnEveryDatabase;
import dev.klingbot.core.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

class SeenEventStoreTest {
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final Duration KEEP = Duration.ofMinutes(10);

  @OnEveryDatabase
  void anEventIsNewOnceUntilItsRecordRunsOut(String kind) {
    try (Database database = TestDatabases.open(kind)) {
      SeenEventStore seen = new SeenEventStore(database);

      assertThat(seen.firstTime("slack:event:Ev1", NOW, KEEP)).isTrue();
      assertThat(seen.firstTime("slack:event:Ev1", NOW.plusSeconds(60), KEEP)).isFalse();
      assertThat(seen.firstTime("slack:event:Ev1", NOW.plus(Duration.ofMinutes(9)), KEEP))
          .isFalse();
      assertThat(seen.firstTime("slack:event:Ev2", NOW, KEEP)).isTrue();
      // Ten minutes later the first record has run out: the key counts as new, once.
      assertThat(seen.firstTime("slack:event:Ev1", NOW.plus(KEEP), KEEP)).isTrue();
      assertThat(seen.firstTime("slack:event:Ev1", NOW.plus(KEEP).plusSeconds(1), KEEP)).isFalse();
    }
  }

  @OnEveryDatabase
  void aSecondStoreOnTheSameDatabaseAgrees(String kind) {
    try (Database database = TestDatabases.open(kind)) {
      assertThat(new SeenEventStore(database).firstTime("k", NOW, KEEP)).isTrue();

      // Like a restarted process, or a second instance.
      assertThat(new SeenEventStore(database).firstTime("k", NOW.plusSeconds(61), KEEP)).isFalse();
    }
  }

  @OnEveryDatabase
  void concurrentCallsForOneKeyLetExactlyOneThrough(String kind) throws Exception {
    try (Database database = TestDatabases.open(kind)) {
      SeenEventStore seen = new SeenEventStore(database);
      List<Callable<Boolean>> calls = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        calls.add(() -> seen.firstTime("slack:event:race", NOW, KEEP));
      }
      assertThat(Concurrently.call(8, calls)).containsOnlyOnce(true);
    }
  }

  @OnEveryDatabase
  void aBurstOfKeysIsWrittenTogetherAndStillLetsEachThroughOnce(String kind) throws Exception {
    try (Database database = TestDatabases.open(kind)) {
      SeenEventStore seen = new SeenEventStore(database);
      // recorded by another process before the burst: not new, and not a reason to fail the others
      assertThat(new SeenEventStore(database).firstTime("sig-7", NOW, KEEP)).isTrue();
      // expired earlier: new again, once
      assertThat(seen.firstTime("sig-9", NOW.minus(KEEP), KEEP)).isTrue();

      List<Callable<Boolean>> calls = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        String key = "sig-" + (i % 20); // every key three times
        calls.add(() -> seen.firstTime(key, NOW, KEEP));
      }
      List<Boolean> answers = Concurrently.call(30, calls);

      for (int k = 0; k < 20; k++) {
        int key = k;
        long firsts =
            java.util.stream.IntStream.range(0, 60)
                .filter(i -> i % 20 == key && answers.get(i))
                .count();
        assertThat(firsts).as("sig-" + key).isEqualTo(key == 7 ? 0 : 1);
      }
      assertThat(new SeenEventStore(database).firstTime("sig-3", NOW, KEEP)).isFalse();
    }
  }

  @OnEveryDatabase
  void twoProcessesBatchingTheSameKeysLetEachThroughOnce(String kind) throws Exception {
    try (Database database = TestDatabases.open(kind)) {
      // two stores are two processes: their batches race, and a batch that loses an insert to the
      // other one is done again key by key
      List<SeenEventStore> processes =
          List.of(new SeenEventStore(database), new SeenEventStore(database));
      List<Callable<Boolean>> calls = new ArrayList<>();
      for (int i = 0; i < 80; i++) {
        SeenEventStore store = processes.get(i % 2);
        String key = "race-" + (i % 10);
        calls.add(() -> store.firstTime(key, NOW, KEEP));
      }
      List<Boolean> answers = Concurrently.call(40, calls);

      for (int k = 0; k < 10; k++) {
        int key = k;
        assertThat(
                java.util.stream.IntStream.range(0, 80)
                    .filter(i -> i % 10 == key && answers.get(i))
                    .count())
            .as("race-" + key)
            .isEqualTo(1);
      }
    }
  }

  @OnEveryDatabase
  void expiredRecordsArePurged(String kind) {
    try (Database database = TestDatabases.open(kind)) {
      SeenEventStore seen = new SeenEventStore(database);
      seen.firstTime("old", NOW, Duration.ofMinutes(1));
      seen.firstTime("fresh", NOW, KEEP);

      assertThat(seen.purge(NOW.plus(Duration.ofMinutes(2)))).isEqualTo(1);
      assertThat(seen.firstTime("fresh", NOW.plus(Duration.ofMinutes(2)), KEEP)).isFalse();
    }
  }

  @OnEveryDatabase
  void badKeysAreRefusedInPlainWords(String kind) {
    try (Database database = TestDatabases.open(kind)) {
      SeenEventStore seen = new SeenEventStore(database);

      assertThatThrownBy(() -> seen.firstTime("", NOW, KEEP))
          .hasMessage("an event key has 1 to 255 characters");
      assertThatThrownBy(() -> seen.firstTime("x".repeat(256), NOW, KEEP))
          .hasMessage("an event key has 1 to 255 characters");
    }
  }
}
