package dev.klingbot.kling;

import static dev.klingbot.kling.KlingResponses.error;
import static dev.klingbot.kling.KlingResponses.json;
import static dev.klingbot.kling.KlingResponses.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way a call can fail, and which failures are retried. */
class KlingErrorsTest {
  private static final String TASK = KlingResponses.task("t-1", "processing", "job-1");

  @StartStop private final MockWebServer server = new MockWebServer();

  @Test
  void invalidParameterIsNotRetriedAndKeepsKlingsMessage() {
    server.enqueue(error(400, 1201, "frame_index exceeds total_frame"));

    KlingException e = queryFails();

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e.code()).isEqualTo(1201);
    assertThat(e.errorCode()).isEqualTo(KlingErrorCode.INVALID_PARAMETER);
    assertThat(e.apiMessage()).isEqualTo("frame_index exceeds total_frame");
    assertThat(e.requestId()).isEqualTo("req-1201");
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage())
        .isEqualTo(
            "Kling query-task failed (HTTP 400, code 1201, request_id req-1201):"
                + " frame_index exceeds total_frame");
  }

  /** Refusals that the same call would get again: each is answered once, with its sentence. */
  @ParameterizedTest(name = "HTTP {0}, code {1}: {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          401 | 1000 | Authentication failed   | AUTHENTICATION_FAILED   | Kling rejected the bot's credentials; an admin must check the Kling API key.
          401 | 1004 | token expired           | TOKEN_EXPIRED           | Kling rejected the bot's credentials; an admin must check the Kling API key.
          429 | 1102 | resource pack exhausted | RESOURCE_PACK_EXHAUSTED | The Kling account is out of credit; an admin must top it up.
          """)
  void aRefusalThatWouldRepeatIsNotRetried(
      int status, int code, String message, KlingErrorCode errorCode, String userMessage) {
    server.enqueue(error(status, code, message));

    KlingException e = queryFails();

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertFailure(e, errorCode, status, false);
    assertThat(e.userMessage()).isEqualTo(userMessage);
  }

  @Test
  void tooManyRequestsIsRetriedAfterRetryAfter() {
    server.enqueue(
        error(429, 1302, "rate limited").newBuilder().setHeader("Retry-After", "1").build());
    server.enqueue(ok(TASK));

    long start = System.nanoTime();
    TaskInfo task = TestClients.bearer(server).queryTask("t-1");
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    assertThat(task.taskId()).isEqualTo("t-1");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(950));
  }

  @Test
  void serviceUnavailableIsRetried() {
    server.enqueue(error(503, 5001, "maintenance"));
    server.enqueue(ok(TASK));

    assertThat(TestClients.bearer(server).queryTask("t-1").taskId()).isEqualTo("t-1");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void serverErrorsWithoutBodyCodeAreRetriedUntilAttemptsRunOut() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(json(502, "<html>bad gateway</html>"));
    }

    KlingException e = queryFails();

    assertThat(server.getRequestCount()).isEqualTo(4);
    assertFailure(e, KlingErrorCode.INVALID_RESPONSE, 502, true);
    assertThat(e.code()).isEqualTo(-1);
    assertThat(e.getMessage()).contains("not valid JSON");
  }

  @Test
  void droppedConnectionIsRetried() {
    server.enqueue(droppedConnection());
    server.enqueue(ok(TASK));

    assertThat(TestClients.bearer(server).queryTask("t-1").taskId()).isEqualTo("t-1");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void droppedConnectionWithoutRetriesIsANetworkError() {
    server.enqueue(droppedConnection());
    OkHttpKlingClient client =
        TestClients.builder(server).retryPolicy(KlingRetryPolicy.noRetries()).build();

    KlingException e = queryFails(client);

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertFailure(e, KlingErrorCode.NETWORK_ERROR, 0, true);
  }

  @Test
  void droppedConnectionOnASelectionCallIsRetried() {
    server.enqueue(
        new MockResponse.Builder()
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
            .build());
    server.enqueue(ok("{\"status\":0,\"session_id\":\"s1\"}"));

    assertThat(TestClients.bearer(server).clearSelection("s1").sessionId()).isEqualTo("s1");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void noAnswerAtAllIsARetryableNetworkErrorWithHttpStatusZero() {
    OkHttpKlingClient client =
        OkHttpKlingClient.builder()
            .baseUrl("http://127.0.0.1:1/kling")
            .credentials(KlingCredentials.bearer(TestClients.TOKEN))
            .retryPolicy(TestClients.FAST_RETRIES.withMaxAttempts(2))
            .build();

    KlingException e = queryFails(client);

    assertFailure(e, KlingErrorCode.NETWORK_ERROR, 0, true);
    assertThat(e.code()).isEqualTo(-1);
    assertThat(e.getMessage()).startsWith("Kling query-task got no answer");
  }

  @Test
  void readTimeoutIsARetryableNetworkError() {
    server.enqueue(
        ok(TASK).newBuilder().headersDelay(2, java.util.concurrent.TimeUnit.SECONDS).build());

    OkHttpKlingClient client =
        TestClients.builder(server)
            .readTimeout(Duration.ofMillis(200))
            .retryPolicy(TestClients.FAST_RETRIES.withMaxAttempts(1))
            .build();
    KlingException e = queryFails(client);

    assertFailure(e, KlingErrorCode.NETWORK_ERROR, 0, true);
  }

  @Test
  void invalidJsonOnSuccessIsNotRetried() {
    server.enqueue(json(200, "{\"code\":0,\"data\":"));

    KlingException e = queryFails();

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertFailure(e, KlingErrorCode.INVALID_RESPONSE, 200, false);
    assertThat(e.getMessage()).contains("not valid JSON");
  }

  @Test
  void successWithoutADataObjectIsAnInvalidResponse() {
    server.enqueue(json(200, "{\"code\":0,\"message\":\"ok\",\"request_id\":\"r\"}"));

    KlingException e = queryFails();

    assertThat(e.errorCode()).isEqualTo(KlingErrorCode.INVALID_RESPONSE);
    assertThat(e.requestId()).isEqualTo("r");
  }

  @Test
  void errorCodeInA200AnswerIsAnError() {
    server.enqueue(
        json(200, "{\"code\":1301,\"message\":\"content unsafe\",\"request_id\":\"r\"}"));

    KlingException e = queryFails();

    assertThat(e.errorCode()).isEqualTo(KlingErrorCode.CONTENT_SAFETY);
    assertThat(e.retryable()).isFalse();
    assertThat(e.userMessage()).isEqualTo("Kling refused the content; rephrase the instruction.");
  }

  @Test
  void rejectedVideoOnInit() {
    server.enqueue(
        json(
            200,
            "{\"code\":0,\"message\":\"video duration not supported\",\"request_id\":\"req-v\","
                + "\"data\":{\"status\":3,\"session_id\":\"\"}}"));

    KlingException e =
        catchThrowableOfType(
            KlingException.class,
            () ->
                TestClients.bearer(server)
                    .initSelection(InitSelectionRequest.ofVideoUrl("https://x/v.mp4")));

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(e.errorCode()).isEqualTo(KlingErrorCode.VIDEO_REJECTED);
    assertThat(e.code()).isEqualTo(3);
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage())
        .startsWith("the video could not be recognised")
        .contains("request_id req-v")
        .endsWith(": video duration not supported");
  }

  @Test
  void rejectedSelectionIsNotRecorded() {
    server.enqueue(
        json(
            200,
            "{\"code\":0,\"message\":\"no object at point\",\"request_id\":\"req-s\","
                + "\"data\":{\"status\":1,\"session_id\":\"s1\"}}"));
    OkHttpKlingClient client = TestClients.bearer(server);
    SelectionRequest request = new SelectionRequest("s1", 0, List.of(new Point(0.5, 0.5)));

    KlingException e =
        catchThrowableOfType(KlingException.class, () -> client.addSelection(request));

    assertThat(e.errorCode()).isEqualTo(KlingErrorCode.SELECTION_REJECTED);
    assertThat(e.getMessage()).contains("could not be recognised").contains("no object at point");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  private KlingException queryFails() {
    return queryFails(TestClients.bearer(server));
  }

  private static KlingException queryFails(OkHttpKlingClient client) {
    return catchThrowableOfType(KlingException.class, () -> client.queryTask("t-1"));
  }

  /** An answer that never comes: the connection is closed as the request arrives. */
  private static MockResponse droppedConnection() {
    return new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build();
  }

  /** Asserts what callers act on: the kind of error, the HTTP status and whether to retry. */
  private static void assertFailure(
      KlingException e, KlingErrorCode kind, int httpStatus, boolean retryable) {
    assertThat(e.errorCode()).isEqualTo(kind);
    assertThat(e.httpStatus()).isEqualTo(httpStatus);
    assertThat(e.retryable()).isEqualTo(retryable);
  }
}
