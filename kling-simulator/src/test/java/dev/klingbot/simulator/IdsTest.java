package dev.klingbot.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Task and session ids are unique, like Kling's: across edits, simulators and restarts. */
class IdsTest {
  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

  private static SimulatorOptions.Builder options() {
    return SimulatorOptions.builder().clock(new SettableClock(START)).concurrencyLimit(0);
  }

  @Test
  void manySimultaneousCreatesGetDistinctLongNumericTaskIds() throws Exception {
    try (KlingSimulator simulator = KlingSimulator.start(options().build())) {
      Api api = Api.of(simulator);
      String sessionId = api.session(simulator.publishFile(TestMedia.tiny()));
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<String>> created = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
          created.add(pool.submit(() -> api.createTask(Api.removal(sessionId))));
        }
        Set<String> ids = new HashSet<>();
        for (Future<String> id : created) {
          ids.add(id.get());
        }
        assertThat(ids).hasSize(200).allMatch(id -> id.matches("[1-9][0-9]{17,18}"));
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void twoSimulatorsWithTheSameSeedHandOutDifferentIds() throws Exception {
    try (KlingSimulator one = KlingSimulator.start(options().build());
        KlingSimulator two = KlingSimulator.start(options().build())) {
      Api first = Api.of(one);
      Api second = Api.of(two);
      String sessionOne = first.session(one.publishFile(TestMedia.tiny()));
      String sessionTwo = second.session(two.publishFile(TestMedia.tiny()));
      assertThat(sessionOne).isNotEqualTo(sessionTwo);
      String taskOne = first.createTask(Api.removal(sessionOne));
      String taskTwo = second.createTask(Api.removal(sessionTwo));
      assertThat(taskOne).isNotEqualTo(taskTwo);
    }
  }

  @Test
  void aRestartedSimulatorDoesNotRepeatTheIdsOfTheRunBefore(@TempDir Path state) throws Exception {
    Set<String> sessions = new HashSet<>();
    Set<String> tasks = new HashSet<>();
    for (int run = 0; run < 2; run++) {
      try (KlingSimulator simulator =
          KlingSimulator.start(options().stateDirectory(state).build())) {
        Api api = Api.of(simulator);
        String sessionId = api.session(simulator.publishFile(TestMedia.tiny()));
        assertThat(sessions.add(sessionId)).as("session id %s is new", sessionId).isTrue();
        for (int i = 0; i < 3; i++) {
          String taskId = api.createTask(Api.removal(sessionId));
          assertThat(tasks.add(taskId)).as("task id %s is new", taskId).isTrue();
        }
        assertThat(simulator.tasks()).hasSize(3 * (run + 1));
      }
    }
  }
}
