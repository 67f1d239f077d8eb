package dev.klingbot.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What load tests read: who created and asked about each task, and the cheap result mode. */
class TaskCallsTest {
  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

  @Test
  void createsAndQueriesAreRecordedWithTheirTimeAndCaller() throws Exception {
    SettableClock clock = new SettableClock(START);
    try (KlingSimulator simulator =
        KlingSimulator.start(SimulatorOptions.builder().clock(clock).build())) {
      Api first = Api.of(simulator).withUserAgent("bot-a");
      Api second = Api.of(simulator).withUserAgent("bot-b");
      String sessionId = first.session(simulator.publishFile(TestMedia.tiny()));

      String taskId = first.createTask(Api.removal(sessionId).put("external_task_id", "E1"));
      clock.advance(Duration.ofSeconds(1));
      second.createTask(Api.removal(sessionId).put("external_task_id", "E1"));
      first.get("/v1/videos/multi-elements/" + taskId);
      clock.advance(Duration.ofSeconds(1));
      second.get("/v1/videos/multi-elements?external_task_id=E1");
      first.get("/v1/videos/multi-elements/unknown");
      first.get("/v1/videos/multi-elements");

      TaskCalls calls = simulator.taskCalls();
      assertThat(calls.creations())
          .containsExactly(
              new TaskCalls.Creation("E1", taskId, true, START, "bot-a"),
              new TaskCalls.Creation("E1", taskId, false, START.plusSeconds(1), "bot-b"));
      assertThat(calls.queriesByTask().get(taskId))
          .extracting(TaskCalls.Query::time, TaskCalls.Query::caller)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(START.plusSeconds(1), "bot-a"),
              org.assertj.core.groups.Tuple.tuple(START.plusSeconds(2), "bot-b"));
      // the unknown task and the page of tasks are no query of one task
      assertThat(calls.queries()).hasSize(2);
    }
  }

  @Test
  void theCheapModeAnswersThePreparedResultForEveryTask(@TempDir Path dir) throws Exception {
    Path prepared = Files.copy(TestMedia.tiny(), dir.resolve("prepared.mp4"));
    try (KlingSimulator simulator =
        KlingSimulator.start(
            SimulatorOptions.builder()
                .taskProcessingTime(Duration.ofMillis(200))
                .concurrencyLimit(0)
                .resultVideo(prepared)
                .build())) {
      Api api = Api.of(simulator);
      String sessionId = api.session(simulator.publishFile(TestMedia.tiny()));
      String one = api.createTask(Api.removal(sessionId));
      String two = api.createTask(Api.removal(sessionId));

      for (String taskId : new String[] {one, two}) {
        TaskSnapshot task = simulator.awaitTask(taskId, Duration.ofSeconds(30));
        assertThat(task.status()).isEqualTo("succeed");
        String url =
            api.task(taskId).data().path("task_result").path("videos").get(0).path("url").asText();
        assertThat(Api.download(url).body()).isEqualTo(Files.readAllBytes(prepared));
      }
    }
  }
}
