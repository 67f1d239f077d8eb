package dev.klingbot.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.klingbot.core.media.VideoInfo;
import dev.klingbot.core.media.VideoProbe;
import dev.klingbot.core.testing.SimulatorClients;
import dev.klingbot.kling.CreateTaskRequest;
import dev.klingbot.kling.EditMode;
import dev.klingbot.kling.InitSelectionRequest;
import dev.klingbot.kling.InitSelectionResult;
import dev.klingbot.kling.KlingClient;
import dev.klingbot.kling.KlingErrorCode;
import dev.klingbot.kling.KlingException;
import dev.klingbot.kling.Point;
import dev.klingbot.kling.PreviewResult;
import dev.klingbot.kling.SelectionRequest;
import dev.klingbot.kling.SelectionResult;
import dev.klingbot.kling.TaskDuration;
import dev.klingbot.kling.TaskInfo;
import dev.klingbot.kling.TaskMode;
import dev.klingbot.kling.TaskStatus;
import dev.klingbot.kling.mask.MaskBitmap;
import dev.klingbot.kling.mask.MaskDecoder;
import dev.klingbot.simulator.FaultSettings;
import dev.klingbot.simulator.KlingSimulator;
import dev.klingbot.simulator.SampleVideos;
import dev.klingbot.simulator.SelectionPoint;
import dev.klingbot.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK and the simulator are two independent readings of kling-api.md; this test runs every SDK
 * operation against the simulator over real HTTP, including a whole edit to the downloaded result,
 * and the error paths both must agree on.
 */
class SdkAgainstSimulatorTest {
  @TempDir static Path dir;

  private static KlingSimulator simulator;
  private static KlingClient client;
  private static String video;
  private static final OkHttpClient HTTP = new OkHttpClient();

  @BeforeAll
  static void start() throws Exception {
    simulator =
        KlingSimulator.start(
            SimulatorOptions.builder()
                .token("contract-token")
                .taskProcessingTime(Duration.ofSeconds(2))
                .concurrencyLimit(0)
                .build());
    client = client("contract-token");
    video = simulator.publishFile(SampleVideos.mp4(dir.resolve("clip.mp4"), 1280, 720, 30, 5));
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  private static KlingClient client(String token) {
    return client(simulator, token, 6);
  }

  private static KlingClient client(KlingSimulator on, String token, int maxAttempts) {
    return SimulatorClients.of(
        on, token, HTTP, Duration.ofMillis(10), Duration.ofMillis(50), maxAttempts);
  }

  @Test
  void everyOperationFromInitToTheDownloadedResult() throws Exception {
    InitSelectionResult session = client.initSelection(InitSelectionRequest.ofVideoUrl(video));
    assertThat(session.status()).isZero();
    assertThat(session.width()).isEqualTo(1280);
    assertThat(session.height()).isEqualTo(720);
    assertThat(session.totalFrame()).isEqualTo(150);
    assertThat(session.originalDuration()).isEqualTo(5000);

    SelectionPoint square = SampleVideos.squareCentre();
    Point click = new Point(square.x(), square.y());
    SelectionResult added =
        client.addSelection(new SelectionRequest(session.sessionId(), 0, List.of(click)));
    MaskBitmap mask =
        MaskDecoder.decode(added.rleMaskList().get(0).rleMask(), session.width(), session.height());
    assertThat(mask.get((int) (click.x() * 1280), (int) (click.y() * 720))).isTrue();
    assertThat(mask.count()).isBetween(100, 1280 * 720 / 4);

    client.addSelection(
        new SelectionRequest(session.sessionId(), 30, List.of(new Point(0.5, 0.5))));
    SelectionResult deleted =
        client.deleteSelection(
            new SelectionRequest(session.sessionId(), 30, List.of(new Point(0.5, 0.5))));
    assertThat(deleted.rleMaskList()).isEmpty();
    assertThat(
            simulator.sessions().stream()
                .filter(s -> s.sessionId().equals(session.sessionId()))
                .findFirst()
                .orElseThrow()
                .points())
        .containsOnlyKeys(0);

    PreviewResult preview = client.previewSelection(session.sessionId());
    assertThat(download(preview.videoCover(), "cover.png")).isNotEmptyFile();
    assertThat(new VideoProbe().probe(download(preview.video(), "preview.mp4")).videoCodec())
        .isEqualTo("h264");

    Supplier<CreateTaskRequest.Builder> removal =
        () ->
            CreateTaskRequest.builder()
                .sessionId(session.sessionId())
                .editMode(EditMode.REMOVAL)
                .prompt("Delete the purple square from <<<video_1>>>")
                .externalTaskId("contract-1");
    TaskInfo created =
        client.createTask(removal.get().mode(TaskMode.STD).duration(TaskDuration.FIVE).build());
    assertThat(created.status()).isIn(TaskStatus.SUBMITTED, TaskStatus.PROCESSING);
    TaskInfo again = client.createTask(removal.get().build());
    assertThat(again.taskId()).isEqualTo(created.taskId());

    TaskInfo done = poll(created.taskId());
    assertThat(done.status()).isEqualTo(TaskStatus.SUCCEED);
    assertThat(client.findTaskByExternalId("contract-1"))
        .get()
        .extracting(TaskInfo::taskId)
        .isEqualTo(created.taskId());
    assertThat(client.findTaskByExternalId("never-made")).isEmpty();
    VideoInfo result = new VideoProbe().probe(download(done.videos().get(0).url(), "result.mp4"));
    assertThat(result.videoCodec()).isEqualTo("h264");
    assertThat(result.durationMillis()).isBetween(4900L, 5100L);
    assertThat(done.videos().get(0).duration()).isEqualTo("5");

    SelectionResult cleared = client.clearSelection(session.sessionId());
    assertThat(cleared.status()).isZero();

    InitSelectionResult fromResult =
        client.initSelection(InitSelectionRequest.ofVideoId(done.videos().get(0).id()));
    assertThat(fromResult.sessionId()).isNotEqualTo(session.sessionId());
  }

  @Test
  void bothSidesAgreeOnTheErrors() throws Exception {
    KlingException refused =
        failure(
            () -> client("wrong-token").initSelection(InitSelectionRequest.ofVideoUrl(video)),
            KlingErrorCode.AUTHENTICATION_FAILED);
    assertThat(refused.httpStatus()).isEqualTo(401);
    assertThat(refused.retryable()).isFalse();
    assertThat(refused.getMessage()).doesNotContain("wrong-token");

    String slow =
        simulator.publishFile(SampleVideos.mp4(dir.resolve("slow.mp4"), 1280, 720, 25, 5));
    failure(
        () -> client.initSelection(InitSelectionRequest.ofVideoUrl(slow)),
        KlingErrorCode.VIDEO_REJECTED);
    failure(() -> client.queryTask("no-such-task"), KlingErrorCode.RESOURCE_NOT_FOUND);

    InitSelectionResult session = client.initSelection(InitSelectionRequest.ofVideoUrl(video));
    simulator.faults().set(FaultSettings.NONE.withServerErrorRate(0.25));
    try {
      for (int i = 0; i < 5; i++) {
        assertThat(
                client
                    .queryTask(
                        client.createTask(removal(session.sessionId(), "flaky-" + i)).taskId())
                    .taskId())
            .isNotBlank();
      }
    } finally {
      simulator.faults().reset();
    }
    assertThat(
            simulator.tasks().stream()
                .filter(t -> t.externalTaskId().orElse("").startsWith("flaky-"))
                .count())
        .as("a create retried after a 5xx never makes a second task")
        .isEqualTo(5);

    simulator.faults().set(FaultSettings.NONE.withOutOfCredit(true));
    try {
      KlingException broke =
          failure(
              () -> client.createTask(removal(session.sessionId(), "broke")),
              KlingErrorCode.RESOURCE_PACK_EXHAUSTED);
      assertThat(broke.httpStatus()).isEqualTo(429);
      assertThat(broke.retryable()).isFalse();
    } finally {
      simulator.faults().reset();
    }
  }

  @Test
  void pastTheAccountsParallelLimitCreateAnswers1303() throws Exception {
    try (KlingSimulator small =
        KlingSimulator.start(
            SimulatorOptions.builder()
                .token("contract-token")
                .taskProcessingTime(Duration.ofSeconds(20))
                .concurrencyLimit(2)
                .build())) {
      KlingClient busyClient = client(small, "contract-token", 4);
      String clip = small.publishFile(dir.resolve("clip.mp4"));
      InitSelectionResult busy = busyClient.initSelection(InitSelectionRequest.ofVideoUrl(clip));
      busyClient.createTask(removal(busy.sessionId(), "busy-1"));
      busyClient.createTask(removal(busy.sessionId(), "busy-2"));

      assertThat(
              failure(
                      () -> busyClient.createTask(removal(busy.sessionId(), "busy-3")),
                      KlingErrorCode.PARALLEL_TASK_LIMIT)
                  .retryable())
          .isTrue();
      assertThat(small.tasks()).hasSize(2);
    }
  }

  private static CreateTaskRequest removal(String session, String externalId) {
    return CreateTaskRequest.builder()
        .sessionId(session)
        .editMode(EditMode.REMOVAL)
        .prompt("Delete the ball from <<<video_1>>>")
        .externalTaskId(externalId)
        .build();
  }

  private static TaskInfo poll(String taskId) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      TaskInfo task = client.queryTask(taskId);
      if (task.status().isFinal()) {
        return task;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("task " + taskId + " did not finish");
  }

  private static Path download(String url, String name) throws Exception {
    Path file = dir.resolve(name);
    try (Response response = HTTP.newCall(new Request.Builder().url(url).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
      Files.write(file, response.body().bytes());
    }
    return file;
  }

  /** Asserts that {@code call} fails with a Kling error of {@code kind}; answers the error. */
  private static KlingException failure(ThrowingCallable call, KlingErrorCode kind) {
    KlingException e = catchThrowableOfType(KlingException.class, call);
    assertThat(e).as("a KlingException").isNotNull();
    assertThat(e.errorCode()).isEqualTo(kind);
    return e;
  }
}
