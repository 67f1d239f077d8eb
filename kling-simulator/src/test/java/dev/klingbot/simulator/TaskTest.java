package dev.klingbot.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.klingbot.simulator.media.VideoInfo;
import dev.klingbot.simulator.media.VideoProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskTest {
  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  private final SettableClock clock = new SettableClock(START);
  private KlingSimulator simulator;
  private Api api;

  @BeforeEach
  void start() throws Exception {
    simulator =
        KlingSimulator.start(SimulatorOptions.builder().clock(clock).concurrencyLimit(2).build());
    api = Api.of(simulator);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  private String session(Path video) {
    return api.session(simulator.publishFile(video));
  }

  @Test
  void createAnswersTheNewTaskAndQueriesFindItByEitherId() {
    String sessionId = session(TestMedia.tiny());

    Api.Response created = api.create(Api.removal(sessionId).put("external_task_id", "job-1"));

    assertThat(created.status()).isEqualTo(200);
    assertThat(created.code()).isZero();
    JsonNode data = created.data();
    String taskId = data.path("task_id").asText();
    assertThat(taskId).isNotEmpty();
    assertThat(data.path("task_status").asText()).isEqualTo("submitted");
    assertThat(data.path("session_id").asText()).isEqualTo(sessionId);
    assertThat(data.path("created_at").asLong()).isEqualTo(START.toEpochMilli());
    assertThat(data.path("updated_at").asLong()).isEqualTo(START.toEpochMilli());

    for (String path :
        new String[] {
          "/v1/videos/multi-elements/" + taskId,
          "/v1/videos/multi-elements/job-1",
          "/v1/videos/multi-elements?external_task_id=job-1"
        }) {
      Api.Response query = api.get(path);
      assertThat(query.code()).as(path).isZero();
      assertThat(query.data().path("task_id").asText()).isEqualTo(taskId);
      assertThat(query.data().path("task_status").asText()).isEqualTo("submitted");
      assertThat(query.data().path("task_info").path("external_task_id").asText())
          .isEqualTo("job-1");
      assertThat(query.data().has("task_result")).isFalse();
    }
    Api.Response list = api.get("/v1/videos/multi-elements");
    assertThat(list.data().isArray()).isTrue();
    assertThat(list.data()).hasSize(1);
  }

  @Test
  void theSameExternalTaskIdGivesTheSameTask() {
    String sessionId = session(TestMedia.tiny());
    ObjectNode body = Api.removal(sessionId).put("external_task_id", "job-2");

    String first = api.createTask(body);
    String second = api.createTask(body);

    assertThat(second).isEqualTo(first);
    assertThat(simulator.tasks()).hasSize(1);
  }

  @Test
  void unknownTasksAre404() {
    Api.Response response = api.task("123");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.code()).isEqualTo(1203);
    assertThat(api.get("/v1/videos/multi-elements?external_task_id=none").code()).isEqualTo(1203);
  }

  @Test
  void tasksInFlightAreLimited() {
    String sessionId = session(TestMedia.tiny());
    assertThat(api.create(Api.removal(sessionId)).code()).isZero();
    assertThat(api.create(Api.removal(sessionId)).code()).isZero();

    Api.Response third = api.create(Api.removal(sessionId));

    assertThat(third.status()).isEqualTo(429);
    assertThat(third.code()).isEqualTo(1303);
    assertThat(simulator.tasks()).hasSize(2);
  }

  @Test
  void outOfCreditRefusesEveryCreate() {
    String sessionId = session(TestMedia.tiny());
    simulator.faults().outOfCredit(true);

    Api.Response response = api.create(Api.removal(sessionId));

    assertThat(response.status()).isEqualTo(429);
    assertThat(response.code()).isEqualTo(1102);
    simulator.faults().outOfCredit(false);
    assertThat(api.create(Api.removal(sessionId)).code()).isZero();
  }

  @Test
  void validatesTheCreateBody() throws Exception {
    String sessionId = session(TestMedia.tiny());
    String image = Base64.getEncoder().encodeToString(Files.readAllBytes(TestMedia.image()));
    ObjectNode swap = Api.removal(sessionId).put("edit_mode", "swap");
    ObjectNode twoImages = Api.removal(sessionId).put("edit_mode", "addition");
    twoImages.putArray("image_list").addObject().put("image", image);
    twoImages.withArray("image_list").addObject().put("image", image);
    twoImages.withArray("image_list").addObject().put("image", image);
    ObjectNode removalWithImage = Api.removal(sessionId);
    removalWithImage.putArray("image_list").addObject().put("image", image);
    ObjectNode unreachable = Api.removal(sessionId).put("edit_mode", "swap");
    unreachable.putArray("image_list").addObject().put("image", "http://127.0.0.1:1/a.png");
    ObjectNode dataUri = Api.removal(sessionId).put("edit_mode", "swap");
    dataUri.putArray("image_list").addObject().put("image", "data:image/png;base64," + image);

    assertInvalid(Api.removal("nope"), "does not exist");
    assertInvalid(Api.removal(sessionId).put("edit_mode", "recolour"), "edit_mode");
    assertInvalid(swap, "exactly 1 image");
    assertInvalid(twoImages, "1 or 2 images");
    assertInvalid(removalWithImage, "no image");
    assertInvalid(Api.removal(sessionId).put("prompt", ""), "prompt is required");
    assertInvalid(Api.removal(sessionId).put("prompt", "x".repeat(2501)), "at most 2500");
    assertInvalid(
        Api.removal(sessionId).put("negative_prompt", "x".repeat(2501)), "negative_prompt");
    assertInvalid(Api.removal(sessionId).put("mode", "fast"), "mode must be std or pro");
    assertInvalid(Api.removal(sessionId).put("duration", "7"), "duration");
    assertInvalid(Api.removal(sessionId).put("duration", 5), "must be a string");
    assertInvalid(Api.removal(sessionId).put("model_name", "gpt"), "model_name");
    assertInvalid(unreachable, "could not be fetched");
    assertInvalid(dataUri, "data: URI");
    assertThat(simulator.tasks()).isEmpty();

    ObjectNode valid = Api.removal(sessionId).put("edit_mode", "swap").put("mode", "pro");
    valid.put("model_name", "kling-v2-future").put("duration", "10");
    valid.putArray("image_list").addObject().put("image", simulator.publishFile(TestMedia.image()));
    assertThat(api.create(valid).code()).isZero();
  }

  private void assertInvalid(ObjectNode body, String words) {
    Api.Response response = api.create(body);
    assertThat(response.status()).as(body.toString()).isEqualTo(400);
    assertThat(response.code()).isEqualTo(1201);
    assertThat(response.message()).contains(words);
  }

  @Test
  void aTaskSucceedsWithAPlayableResultOfTheRequestedLength(@TempDir Path temp) throws Exception {
    String sessionId = session(TestMedia.shortClip());
    SelectionPoint ball = SampleVideos.ballCentre(0, 60);
    api.addSelection(sessionId, 0, ball.x(), ball.y());
    String taskId = api.createTask(Api.removal(sessionId));

    simulator.advance(Duration.ofSeconds(2));
    assertThat(api.task(taskId).data().path("task_status").asText()).isEqualTo("processing");
    simulator.advance(Duration.ofSeconds(6));
    simulator.awaitTask(taskId, Duration.ofSeconds(30));

    JsonNode data = api.task(taskId).data();
    assertThat(data.path("task_status").asText()).isEqualTo("succeed");
    assertThat(data.path("task_status_msg").asText()).isEmpty();
    assertThat(data.path("updated_at").asLong()).isEqualTo(START.plusSeconds(8).toEpochMilli());
    JsonNode video = data.path("task_result").path("videos").get(0);
    assertThat(video.path("session_id").asText()).isEqualTo(sessionId);
    assertThat(video.path("duration").asText()).isEqualTo("5");
    Path file =
        Files.write(temp.resolve("result.mp4"), Api.download(video.path("url").asText()).body());
    VideoInfo info = VideoProbe.probe(file);
    assertThat(info.codec()).isEqualTo("h264");
    assertThat(info.isMp4OrMov()).isTrue();
    assertThat(info.durationMillis()).isEqualTo(5000);
    assertThat(info.width()).isEqualTo(1280);
    assertThat(info.height()).isEqualTo(720);
    assertThat(info.fps()).isEqualTo(30.0);

    Api.Response reuse =
        api.post(
            "/v1/videos/multi-elements/init-selection",
            Api.json().put("video_id", video.path("id").asText()));
    assertThat(reuse.data().path("status").asInt()).isZero();
    assertThat(reuse.data().path("original_duration").asInt()).isEqualTo(5000);
  }

  @Test
  void injectedFailuresEndFailedWithAReason() throws Exception {
    simulator.faults().taskFailureRate(1.0);
    String sessionId = session(TestMedia.tiny());
    String taskId = api.createTask(Api.removal(sessionId));

    simulator.advance(Duration.ofSeconds(8));

    JsonNode data = api.task(taskId).data();
    assertThat(data.path("task_status").asText()).isEqualTo("failed");
    assertThat(data.path("task_status_msg").asText()).startsWith("simulated failure");
    assertThat(data.has("task_result")).isFalse();
    assertThat(api.create(Api.removal(sessionId)).code())
        .as("a failed task frees its slot")
        .isZero();
  }

  @Test
  void onTheSystemClockTasksProgressByThemselves() throws Exception {
    try (KlingSimulator realTime =
        KlingSimulator.start(
            SimulatorOptions.builder().taskProcessingTime(Duration.ofMillis(400)).build())) {
      Api client = Api.of(realTime);
      String sessionId = client.session(realTime.publishFile(TestMedia.tiny()));
      String taskId = client.createTask(Api.removal(sessionId));

      TaskSnapshot task = realTime.awaitTask(taskId, Duration.ofSeconds(30));

      assertThat(task.status()).isEqualTo("succeed");
      assertThat(task.resultFile()).isPresent();
      assertThat(Duration.between(task.createdAt(), task.updatedAt()))
          .isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }
  }

  @Test
  void sessionsExpireAfter24Hours() {
    String sessionId = session(TestMedia.tiny());
    simulator.advance(Duration.ofHours(24));

    Api.Response add = api.addSelection(sessionId, 0, 0.5, 0.5);
    Api.Response create = api.create(Api.removal(sessionId));

    for (Api.Response response : new Api.Response[] {add, create}) {
      response.assertRefused(400, 1201, "has expired");
    }
    assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofHours(24)));
  }
}
