package dev.klingbot.kling;

import static dev.klingbot.kling.KlingResponses.error;
import static dev.klingbot.kling.KlingResponses.ok;
import static dev.klingbot.kling.KlingResponses.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.klingbot.testing.SettableClock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Create is never re-sent blindly: a failed create is checked by external task id first. */
class CreateTaskTest {
  private static final String CREATE = "/kling/v1/videos/multi-elements";
  private static final String LOOKUP = CREATE + "/job-1";

  @StartStop private final MockWebServer server = new MockWebServer();

  @Test
  void timeoutThenTaskFoundByExternalIdIsNotCreatedAgain() throws Exception {
    server.enqueue(
        ok(task("t-1", "submitted", "job-1"))
            .newBuilder()
            .headersDelay(2, TimeUnit.SECONDS)
            .build());
    server.enqueue(ok(task("t-1", "processing", "job-1")));
    OkHttpKlingClient client =
        TestClients.builder(server).readTimeout(Duration.ofMillis(300)).build();

    TaskInfo created = client.createTask(request("job-1"));

    assertThat(created.taskId()).isEqualTo("t-1");
    assertThat(created.status()).isEqualTo(TaskStatus.PROCESSING);
    assertRequests("POST", CREATE, "GET", LOOKUP);
  }

  /**
   * The create call fails with a server error, and the lookup by external id answers that there is
   * no such task: as 404/1203, or as 400/1201 (an unknown id read as an invalid parameter).
   */
  @ParameterizedTest(name = "{0}/{1} then {3}/{4}")
  @CsvSource({
    "500, 5000, internal error, 404, 1203, task not found",
    "503, 5001, service unavailable, 400, 1201, external_task_id is invalid"
  })
  void serverErrorThenNoTaskWithTheExternalIdIsCreatedAgain(
      int createStatus,
      int createCode,
      String createMessage,
      int lookupStatus,
      int lookupCode,
      String lookupMessage)
      throws Exception {
    server.enqueue(error(createStatus, createCode, createMessage));
    server.enqueue(error(lookupStatus, lookupCode, lookupMessage));
    server.enqueue(ok(task("t-2", "submitted", "job-1")));

    TaskInfo created = TestClients.bearer(server).createTask(request("job-1"));

    assertThat(created.taskId()).isEqualTo("t-2");
    assertRequests("POST", CREATE, "GET", LOOKUP, "POST", CREATE);
  }

  @Test
  void droppedConnectionThenTaskFoundIsNotCreatedAgain() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
            .build());
    server.enqueue(ok(task("t-3", "submitted", "job-1")));

    TaskInfo created = TestClients.bearer(server).createTask(request("job-1"));

    assertThat(created.taskId()).isEqualTo("t-3");
    assertRequests("POST", CREATE, "GET", LOOKUP);
  }

  @Test
  void unreadableSuccessThenTaskFoundIsNotCreatedAgain() throws Exception {
    server.enqueue(KlingResponses.json(200, "<html>gateway page</html>"));
    server.enqueue(ok(task("t-4", "submitted", "job-1")));

    TaskInfo created = TestClients.bearer(server).createTask(request("job-1"));

    assertThat(created.taskId()).isEqualTo("t-4");
    assertRequests("POST", CREATE, "GET", LOOKUP);
  }

  @Test
  void retryAfterAsAnHttpDateIsHonoured() {
    server.enqueue(
        error(429, 1302, "slow down")
            .newBuilder()
            .setHeader("Retry-After", "Sat, 01 Mar 2025 10:15:31 GMT")
            .build());
    server.enqueue(ok(task("t-6", "submitted", "")));
    OkHttpKlingClient client =
        TestClients.builder(server)
            .clock(new SettableClock(java.time.Instant.parse("2025-03-01T10:15:30.500Z")))
            .build();

    long start = System.nanoTime();
    client.createTask(request(null));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(450));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void withoutExternalIdAFailedCreateIsNotSentAgain() {
    server.enqueue(error(503, 5001, "maintenance"));

    KlingException e =
        catchThrowableOfType(
            KlingException.class, () -> TestClients.bearer(server).createTask(request(null)));

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(e.errorCode()).isEqualTo(KlingErrorCode.OUTCOME_UNKNOWN);
    assertThat(e.retryable()).isFalse();
    assertThat(e.httpStatus()).isEqualTo(503);
    assertThat(e.code()).isEqualTo(5001);
    assertThat(e.getMessage()).contains("outcome is unknown").contains("no external_task_id");
    assertThat(e.getCause()).isInstanceOf(KlingException.class);
  }

  @Test
  void withoutExternalIdATimeoutIsNotSentAgain() {
    server.enqueue(
        ok(task("t-1", "submitted", "")).newBuilder().headersDelay(2, TimeUnit.SECONDS).build());
    OkHttpKlingClient client =
        TestClients.builder(server).readTimeout(Duration.ofMillis(300)).build();

    KlingException e =
        catchThrowableOfType(KlingException.class, () -> client.createTask(request(null)));

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(e.errorCode()).isEqualTo(KlingErrorCode.OUTCOME_UNKNOWN);
    assertThat(e.httpStatus()).isZero();
  }

  @Test
  void unknownOutcomeUntilAttemptsRunOut() throws Exception {
    server.enqueue(error(503, 5001, "maintenance"));
    for (int i = 0; i < 3; i++) {
      server.enqueue(error(404, 1203, "task not found"));
      server.enqueue(error(503, 5001, "maintenance"));
    }

    KlingException e = createFails();

    assertThat(server.getRequestCount()).isEqualTo(7);
    assertThat(e.errorCode()).isEqualTo(KlingErrorCode.OUTCOME_UNKNOWN);
    assertThat(e.getMessage()).contains("findTaskByExternalId(\"job-1\")");
  }

  @Test
  void parallelTaskLimitIsRetriedThenThrownAsRetryable() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(error(429, 1303, "parallel task limit"));
    }

    KlingException e = createFails();

    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(e.errorCode()).isEqualTo(KlingErrorCode.PARALLEL_TASK_LIMIT);
    assertThat(e.retryable()).isTrue();
    assertThat(e.userMessage()).contains("waits for a free slot");
  }

  @Test
  void rateLimitIsRetriedEvenWithoutExternalIdBecauseNoTaskWasCreated() {
    server.enqueue(error(429, 1302, "too many requests"));
    server.enqueue(ok(task("t-5", "submitted", "")));

    TaskInfo created = TestClients.bearer(server).createTask(request(null));

    assertThat(created.taskId()).isEqualTo("t-5");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void refusedCreateIsNotRetried() {
    server.enqueue(error(400, 1301, "content unsafe"));

    KlingException e = createFails();

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(e.errorCode()).isEqualTo(KlingErrorCode.CONTENT_SAFETY);
    assertThat(e.retryable()).isFalse();
  }

  /** Creating the task for job-1 with the bearer client, which must fail; the failure. */
  private KlingException createFails() {
    return catchThrowableOfType(
        KlingException.class, () -> TestClients.bearer(server).createTask(request("job-1")));
  }

  private static CreateTaskRequest request(String externalTaskId) {
    return CreateTaskRequest.builder()
        .sessionId("s1")
        .editMode(EditMode.SWAP)
        .addImage("https://x/dog.png")
        .prompt("Swap the dog from <<<image_1>>> for the cat from <<<video_1>>>")
        .externalTaskId(externalTaskId)
        .build();
  }

  /** Asserts the requests the server received, as pairs of method and path, in order. */
  private void assertRequests(String... methodsAndPaths) throws InterruptedException {
    assertThat(server.getRequestCount()).isEqualTo(methodsAndPaths.length / 2);
    for (int i = 0; i < methodsAndPaths.length; i += 2) {
      assertMethodAndPath(methodsAndPaths[i], methodsAndPaths[i + 1]);
    }
  }

  private void assertMethodAndPath(String method, String path) throws InterruptedException {
    var request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo(method);
    assertThat(request.getTarget()).isEqualTo(path);
  }
}
