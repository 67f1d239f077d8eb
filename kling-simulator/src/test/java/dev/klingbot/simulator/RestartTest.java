package dev.klingbot.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.klingbot.simulator.media.VideoInfo;
import dev.klingbot.simulator.media.VideoProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A simulator with a state directory picks up its sessions and running tasks after a restart. */
class RestartTest {
  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

  @TempDir Path temp;

  private static SimulatorOptions options(Path state, SettableClock clock) {
    return SimulatorOptions.builder().clock(clock).stateDirectory(state).build();
  }

  /**
   * A simulator keeping its state in {@code state}, on a settable clock that starts at {@code at}.
   */
  private static KlingSimulator started(Path state, Instant at) throws IOException {
    return KlingSimulator.start(options(state, new SettableClock(at)));
  }

  /** What a first run leaves: a session with a marked ball and a removal task processing. */
  private record FirstRun(String sessionId, String taskId) {}

  private static FirstRun startEditing(KlingSimulator simulator) {
    Api api = Api.of(simulator);
    String sessionId = api.session(simulator.publishFile(TestMedia.shortClip()));
    SelectionPoint ball = SampleVideos.ballCentre(0, 60);
    assertThat(api.addSelection(sessionId, 0, ball.x(), ball.y()).code()).isZero();
    String taskId = api.createTask(Api.removal(sessionId).put("external_task_id", "edit-7"));
    simulator.advance(Duration.ofSeconds(2));
    assertThat(api.task(taskId).data().path("task_status").asText()).isEqualTo("processing");
    return new FirstRun(sessionId, taskId);
  }

  @Test
  void aRestartedSimulatorFinishesTheRunningTaskAndServesItsResultUnderItsOwnUrl()
      throws Exception {
    Path state = temp.resolve("state");
    FirstRun first;
    String firstBase;
    try (KlingSimulator simulator = started(state, START)) {
      first = startEditing(simulator);
      firstBase = simulator.officialBaseUrl();
    }

    SettableClock later = new SettableClock(START.plusSeconds(2));
    try (KlingSimulator restarted = KlingSimulator.start(options(state, later))) {
      assertThat(restarted.officialBaseUrl()).isNotEqualTo(firstBase);
      assertResumes(restarted, first);
    }
  }

  @Test
  void stateIsOnDiskAfterEveryChangeSoAHardKillLosesNothing() throws Exception {
    Path state = temp.resolve("state");
    Path copy = temp.resolve("copy-at-kill");
    try (KlingSimulator simulator = started(state, START)) {
      FirstRun first = startEditing(simulator);
      // what a kill -9 leaves: the directory as it is now, with no shutdown step of any kind
      copyTree(state, copy);

      try (KlingSimulator restarted = started(copy, START.plusSeconds(2))) {
        assertResumes(restarted, first);
      }
    }
  }

  @Test
  void aResultsVideoIdOutlivesARestartAndIsRefusedOnceThirtyDaysOld() throws Exception {
    Path state = temp.resolve("state");
    String videoId;
    try (KlingSimulator simulator = started(state, START)) {
      FirstRun first = startEditing(simulator);
      simulator.advance(Duration.ofSeconds(6));
      simulator.awaitTask(first.taskId(), Duration.ofSeconds(60));
      videoId =
          Api.of(simulator)
              .task(first.taskId())
              .data()
              .path("task_result")
              .path("videos")
              .get(0)
              .path("id")
              .asText();
    }

    SettableClock clock = new SettableClock(START.plus(Duration.ofDays(29)));
    try (KlingSimulator restarted = KlingSimulator.start(options(state, clock))) {
      Api api = Api.of(restarted);
      Api.Response reused =
          api.post("/v1/videos/multi-elements/init-selection", Api.json().put("video_id", videoId));
      assertThat(reused.data().path("status").asInt()).as(reused.message()).isZero();
      assertThat(reused.data().path("session_id").asText()).isNotBlank();

      restarted.advance(Duration.ofDays(1).plusSeconds(10));
      Api.Response old =
          api.post("/v1/videos/multi-elements/init-selection", Api.json().put("video_id", videoId));
      assertThat(old.code()).isZero();
      assertThat(old.data().path("status").asInt())
          .isEqualTo(InitRejection.VIDEO_NOT_FOUND.status());
      assertThat(old.message()).contains("last 30 days");
    }
  }

  @Test
  void aTaskThatShouldHaveEndedWhileTheSimulatorWasDownEndsRightAfterTheRestart() throws Exception {
    Path state = temp.resolve("state");
    FirstRun first;
    try (KlingSimulator simulator = started(state, START)) {
      first = startEditing(simulator);
    }

    try (KlingSimulator restarted = started(state, START.plusSeconds(60))) {
      restarted.tick();
      TaskSnapshot task = restarted.awaitTask(first.taskId(), Duration.ofSeconds(60));
      assertThat(task.status()).isEqualTo("succeed");
      assertThat(restarted.tasks()).hasSize(1);
    }
  }

  @Test
  void sessionsAndEndedTasksTooOldToMatterAreDeletedAtStart() throws Exception {
    Path state = temp.resolve("state");
    FirstRun first;
    Path result;
    try (KlingSimulator simulator = started(state, START)) {
      first = startEditing(simulator);
      simulator.advance(Duration.ofSeconds(6));
      result =
          simulator.awaitTask(first.taskId(), Duration.ofSeconds(60)).resultFile().orElseThrow();
    }
    assertThat(result).exists();

    try (KlingSimulator restarted = started(state, START.plus(Duration.ofDays(31)))) {
      assertThat(restarted.tasks()).isEmpty();
      assertThat(restarted.sessions()).isEmpty();
      assertThat(Api.of(restarted).task(first.taskId()).status()).isEqualTo(404);
    }
    assertThat(result).doesNotExist();
    try (Stream<Path> left = Files.walk(state)) {
      assertThat(left.filter(Files::isRegularFile).toList()).as("files left").isEmpty();
    }
  }

  private void assertResumes(KlingSimulator restarted, FirstRun first) throws Exception {
    Api api = Api.of(restarted);
    JsonNode resumed = api.task(first.taskId()).data();
    assertThat(resumed.path("task_status").asText()).isEqualTo("processing");
    assertThat(resumed.path("session_id").asText()).isEqualTo(first.sessionId());
    assertThat(api.task("edit-7").data().path("task_id").asText())
        .as("the external task id still finds it")
        .isEqualTo(first.taskId());
    assertThat(api.createTask(Api.removal(first.sessionId()).put("external_task_id", "edit-7")))
        .as("creating the same external id again answers the same task")
        .isEqualTo(first.taskId());

    restarted.advance(Duration.ofSeconds(6));
    TaskSnapshot done = restarted.awaitTask(first.taskId(), Duration.ofSeconds(60));
    assertThat(done.status()).isEqualTo("succeed");
    JsonNode video = api.task(first.taskId()).data().path("task_result").path("videos").get(0);
    String url = video.path("url").asText();
    assertThat(url).startsWith(restarted.officialBaseUrl() + "/files/");
    Path file = Files.write(temp.resolve("result-" + restarted.port() + ".mp4"), download(url));
    VideoInfo info = VideoProbe.probe(file);
    assertThat(info.durationMillis()).isEqualTo(5000);
    assertThat(info.width()).isEqualTo(1280);

    // the session still answers: its marked frame is known and it previews
    SessionSnapshot session =
        restarted.sessions().stream()
            .filter(s -> s.sessionId().equals(first.sessionId()))
            .findFirst()
            .orElseThrow();
    assertThat(session.points()).containsKey(0);
    Api.Response preview =
        api.post(
            "/v1/videos/multi-elements/preview-selection",
            Api.json().put("session_id", first.sessionId()));
    assertThat(preview.code()).as(preview.body().toString()).isZero();
    assertThat(download(preview.data().path("res").path("video").asText())).isNotEmpty();
    String next = api.createTask(Api.removal(first.sessionId()));
    assertThat(next).isNotEqualTo(first.taskId());
  }

  private static byte[] download(String url) {
    var response = Api.download(url);
    assertThat(response.statusCode()).as(url).isEqualTo(200);
    return response.body();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      paths.forEach(
          path -> {
            Path target = to.resolve(from.relativize(path).toString());
            try {
              if (Files.isDirectory(path)) {
                Files.createDirectories(target);
              } else {
                Files.copy(path, target);
              }
            } catch (NoSuchFileException e) {
              // a temporary file renamed meanwhile: the kill came a moment earlier
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }
}
