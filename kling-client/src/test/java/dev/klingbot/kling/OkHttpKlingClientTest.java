package dev.klingbot.kling;

import static dev.klingbot.kling.KlingResponses.error;
import static dev.klingbot.kling.KlingResponses.ok;
import static dev.klingbot.kling.RecordedRequests.assertGet;
import static dev.klingbot.kling.RecordedRequests.assertPost;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The exact request and the parsed answer of every call. */
class OkHttpKlingClientTest {
  private static final String PREFIX = "/kling/v1/videos/multi-elements";

  @StartStop private final MockWebServer server = new MockWebServer();

  @Test
  void initSelectionWithVideoUrl() throws Exception {
    server.enqueue(
        ok(
            "{\"status\":0,\"session_id\":\"session_abc123\",\"fps\":30.0,"
                + "\"original_duration\":5000,\"width\":1280,\"height\":720,\"total_frame\":150,"
                + "\"normalized_video\":\"https://example.com/normalized_video.mp4\","
                + "\"something_new\":{\"a\":1}}"));

    InitSelectionResult result =
        TestClients.bearer(server)
            .initSelection(InitSelectionRequest.ofVideoUrl("https://cdn.example/in.mp4"));

    assertThat(result)
        .isEqualTo(
            new InitSelectionResult(
                0,
                "session_abc123",
                30.0,
                5000,
                1280,
                720,
                150,
                "https://example.com/normalized_video.mp4"));
    assertPost(
        server.takeRequest(),
        PREFIX + "/init-selection",
        "{\"video_url\":\"https://cdn.example/in.mp4\"}");
  }

  @Test
  void initSelectionWithVideoId() throws Exception {
    server.enqueue(ok("{\"status\":0,\"session_id\":\"s1\"}"));

    InitSelectionResult result =
        TestClients.bearer(server).initSelection(InitSelectionRequest.ofVideoId("vid-42"));

    assertThat(result.sessionId()).isEqualTo("s1");
    assertPost(server.takeRequest(), PREFIX + "/init-selection", "{\"video_id\":\"vid-42\"}");
  }

  @Test
  void addSelection() throws Exception {
    server.enqueue(
        ok(
            "{\"status\":0,\"session_id\":\"s1\",\"res\":{\"frame_index\":12,\"rle_mask_list\":["
                + "{\"object_id\":1,\"rle_mask\":{\"size\":[6,8],\"counts\":\"5150L131O01O9O\"},"
                + "\"png_mask\":{\"size\":[6,8],\"base64\":\"iVBORw0KGgo=\"}}]}}"));

    SelectionResult result =
        TestClients.bearer(server)
            .addSelection(
                new SelectionRequest("s1", 12, List.of(new Point(0.25, 0.5), new Point(1, 0))));

    assertThat(result)
        .isEqualTo(
            new SelectionResult(
                0,
                "s1",
                12,
                List.of(
                    new MaskEntry(
                        1,
                        new RleMask(List.of(6, 8), "5150L131O01O9O"),
                        new PngMask(List.of(6, 8), "iVBORw0KGgo=")))));
    assertPost(
        server.takeRequest(),
        PREFIX + "/add-selection",
        "{\"session_id\":\"s1\",\"frame_index\":12,"
            + "\"points\":[{\"x\":0.25,\"y\":0.5},{\"x\":1.0,\"y\":0.0}]}");
  }

  @Test
  void deleteSelection() throws Exception {
    server.enqueue(ok("{\"status\":0,\"session_id\":\"s1\"}"));
    server.enqueue(
        ok(
            "{\"status\":0,\"session_id\":\"s1\",\"res\":{\"frame_index\":3,\"rle_mask_list\":[]}}"));
    OkHttpKlingClient client = TestClients.bearer(server);
    client.addSelection(new SelectionRequest("s1", 3, List.of(new Point(0.1, 0.2))));
    server.takeRequest();

    SelectionResult result =
        client.deleteSelection(new SelectionRequest("s1", 3, List.of(new Point(0.1, 0.2))));

    assertThat(result).isEqualTo(new SelectionResult(0, "s1", 3, List.of()));
    assertPost(
        server.takeRequest(),
        PREFIX + "/delete-selection",
        "{\"session_id\":\"s1\",\"frame_index\":3,\"points\":[{\"x\":0.1,\"y\":0.2}]}");
  }

  @Test
  void clearSelectionToleratesAnAnswerWithoutRes() throws Exception {
    server.enqueue(ok("{\"status\":0,\"session_id\":\"s1\"}"));

    SelectionResult result = TestClients.bearer(server).clearSelection("s1");

    assertThat(result).isEqualTo(new SelectionResult(0, "s1", null, List.of()));
    assertPost(server.takeRequest(), PREFIX + "/clear-selection", "{\"session_id\":\"s1\"}");
  }

  @Test
  void previewSelection() throws Exception {
    server.enqueue(
        ok(
            "{\"status\":0,\"session_id\":\"s1\",\"res\":{\"video\":\"https://x/v.mp4\","
                + "\"video_cover\":\"https://x/c.png\",\"tracking_output\":\"https://x/t\"}}"));

    PreviewResult result = TestClients.bearer(server).previewSelection("s1");

    assertThat(result)
        .isEqualTo(new PreviewResult("https://x/v.mp4", "https://x/c.png", "https://x/t"));
    assertPost(server.takeRequest(), PREFIX + "/preview-selection", "{\"session_id\":\"s1\"}");
  }

  @Test
  void createTaskSendsEveryField() throws Exception {
    server.enqueue(
        ok(
            "{\"task_id\":\"t-1\",\"task_status\":\"submitted\",\"session_id\":\"s1\","
                + "\"created_at\":1722769557708,\"updated_at\":1722769557709}"));

    TaskInfo task =
        TestClients.bearer(server)
            .createTask(
                CreateTaskRequest.builder()
                    .modelName("kling-v1-6")
                    .sessionId("s1")
                    .editMode(EditMode.ADDITION)
                    .addImage("https://x/cat.png")
                    .addImage("aGVsbG8=")
                    .prompt(
                        "Using the context of <<<video_1>>>, seamlessly add a cat from"
                            + " <<<image_1>>> to the sofa")
                    .negativePrompt("blurry")
                    .mode(TaskMode.PRO)
                    .duration(TaskDuration.TEN)
                    .callbackUrl("https://bot.example/callback/abc")
                    .externalTaskId("job-7")
                    .build());

    assertThat(task)
        .isEqualTo(
            new TaskInfo(
                "t-1",
                TaskStatus.SUBMITTED,
                null,
                "s1",
                null,
                Instant.ofEpochMilli(1722769557708L),
                Instant.ofEpochMilli(1722769557709L),
                List.of()));
    assertPost(
        server.takeRequest(),
        PREFIX,
        "{\"model_name\":\"kling-v1-6\",\"session_id\":\"s1\",\"edit_mode\":\"addition\","
            + "\"image_list\":[{\"image\":\"https://x/cat.png\"},{\"image\":\"aGVsbG8=\"}],"
            + "\"prompt\":\"Using the context of <<<video_1>>>, seamlessly add a cat from"
            + " <<<image_1>>> to the sofa\",\"negative_prompt\":\"blurry\",\"mode\":\"pro\","
            + "\"duration\":\"10\",\"callback_url\":\"https://bot.example/callback/abc\","
            + "\"external_task_id\":\"job-7\"}");
  }

  @Test
  void createTaskOmitsUnsetFields() throws Exception {
    server.enqueue(ok("{\"task_id\":\"t-2\",\"task_status\":\"submitted\"}"));

    TestClients.bearer(server)
        .createTask(
            CreateTaskRequest.builder()
                .sessionId("s1")
                .editMode(EditMode.REMOVAL)
                .prompt("Delete the lamp from <<<video_1>>>")
                .build());

    assertPost(
        server.takeRequest(),
        PREFIX,
        "{\"session_id\":\"s1\",\"edit_mode\":\"removal\","
            + "\"prompt\":\"Delete the lamp from <<<video_1>>>\"}");
  }

  @Test
  void queryTaskParsesASucceededTask() throws Exception {
    server.enqueue(
        ok(
            "{\"task_id\":\"t-1\",\"task_status\":\"succeed\",\"task_status_msg\":\"\","
                + "\"task_info\":{\"external_task_id\":\"job-7\"},"
                + "\"created_at\":1722769557708,\"updated_at\":1722769600000,"
                + "\"task_result\":{\"videos\":[{\"id\":\"v-1\",\"session_id\":\"s1\","
                + "\"url\":\"https://cdn.example/out.mp4\",\"duration\":\"5.1\"}]}}"));

    TaskInfo task = TestClients.bearer(server).queryTask("t-1");

    assertThat(task).isEqualTo(KlingResponses.SUCCEEDED_T1);
    assertThat(task.status().isFinal()).isTrue();
    assertGet(server.takeRequest(), PREFIX + "/t-1");
  }

  @Test
  void queryTaskReportsAFailedTaskWithItsReason() throws Exception {
    server.enqueue(
        ok(
            "{\"task_id\":\"t-9\",\"task_status\":\"failed\","
                + "\"task_status_msg\":\"Failure to pass the risk control system\"}"));

    TaskInfo task = TestClients.bearer(server).queryTask("t-9");

    assertThat(task.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(task.statusMessage()).isEqualTo("Failure to pass the risk control system");
    assertThat(task.videos()).isEmpty();
  }

  @Test
  void findTaskByExternalIdPutsTheIdInThePath() throws Exception {
    server.enqueue(ok(KlingResponses.task("t-1", "processing", "job 7/a")));

    Optional<TaskInfo> task = TestClients.bearer(server).findTaskByExternalId("job 7/a");

    assertThat(task).map(TaskInfo::taskId).contains("t-1");
    assertThat(task).map(TaskInfo::externalTaskId).contains("job 7/a");
    assertGet(server.takeRequest(), PREFIX + "/job%207%2Fa");
  }

  @Test
  void findTaskByExternalIdIsEmptyWhenKlingSaysTheTaskDoesNotExist() {
    server.enqueue(error(404, 1203, "task not found"));
    server.enqueue(KlingResponses.json(404, ""));

    OkHttpKlingClient client = TestClients.bearer(server);

    assertThat(client.findTaskByExternalId("job-1")).isEmpty();
    assertThat(client.findTaskByExternalId("job-2")).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void findTaskByExternalIdIsEmptyWhenKlingCallsTheUnknownIdAnInvalidParameter() {
    server.enqueue(error(400, 1201, "external_task_id not exist"));

    assertThat(TestClients.bearer(server).findTaskByExternalId("job-1")).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void findTaskByExternalIdStillFailsOnOtherRefusals() {
    server.enqueue(error(400, 1200, "invalid request"));
    server.enqueue(error(401, 1000, "authentication failed"));
    OkHttpKlingClient client = TestClients.bearer(server);

    KlingException invalid =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            KlingException.class, () -> client.findTaskByExternalId("job-1"));
    KlingException auth =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            KlingException.class, () -> client.findTaskByExternalId("job-1"));

    assertThat(invalid.errorCode()).isEqualTo(KlingErrorCode.INVALID_REQUEST);
    assertThat(auth.errorCode()).isEqualTo(KlingErrorCode.AUTHENTICATION_FAILED);
  }

  @Test
  void baseUrlWithoutPrefixAndWithTrailingSlash() throws Exception {
    server.enqueue(ok(KlingResponses.task("t-1", "submitted", "j")));
    server.enqueue(ok(KlingResponses.task("t-1", "submitted", "j")));

    TestClients.builder(server).baseUrl(server.url("/").toString()).build().queryTask("t-1");
    TestClients.builder(server).baseUrl(server.url("/kling/").toString()).build().queryTask("t-1");

    assertGet(server.takeRequest(), "/v1/videos/multi-elements/t-1");
    assertGet(server.takeRequest(), PREFIX + "/t-1");
  }
}
