package dev.klingbot.kling;

import static dev.klingbot.kling.KlingResponses.error;
import static dev.klingbot.kling.KlingResponses.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.testing.SettableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** No token, key or Authorization value in exception text, toString or logs. */
class SecretsTest {
  private static final String ACCESS_KEY = "ak-test-ACCESS-KEY-777";
  private static final String SECRET_KEY = "sk-test-SECRET-KEY-555";

  @StartStop private final MockWebServer server = new MockWebServer();

  @Test
  void secretsNeverAppearInExceptionsOrLogs() throws Exception {
    List<String> texts = new ArrayList<>();
    PrintStream originalErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      OkHttpKlingClient bearer = TestClients.bearer(server);
      OkHttpKlingClient jwt =
          TestClients.builder(server)
              .credentials(KlingCredentials.accessKey(ACCESS_KEY, SECRET_KEY))
              .clock(
                  new SettableClock(Instant.parse("2025-01-01T00:00:00Z"), Duration.ofSeconds(1)))
              .build();
      server.enqueue(error(401, 1000, "Authentication failed"));
      server.enqueue(error(401, 1004, "expired"));
      server.enqueue(error(401, 1004, "expired"));
      server.enqueue(error(429, 1102, "out of credit"));
      for (int i = 0; i < 4; i++) {
        server.enqueue(error(500, 5000, "internal"));
      }
      server.enqueue(json(200, "not json"));
      server.enqueue(
          new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
      texts.add(failure(() -> bearer.queryTask("t-1")));
      texts.add(failure(() -> jwt.queryTask("t-1")));
      texts.add(failure(() -> bearer.queryTask("t-1")));
      texts.add(failure(() -> jwt.queryTask("t-1")));
      texts.add(failure(() -> bearer.queryTask("t-1")));
      OkHttpKlingClient freshJwt =
          TestClients.builder(server)
              .credentials(KlingCredentials.accessKey(ACCESS_KEY, SECRET_KEY))
              .retryPolicy(KlingRetryPolicy.noRetries())
              .build();
      texts.add(failure(() -> freshJwt.queryTask("t-1")));
      OkHttpKlingClient unreachable =
          OkHttpKlingClient.builder()
              .baseUrl("http://127.0.0.1:1")
              .credentials(KlingCredentials.accessKey(ACCESS_KEY, SECRET_KEY))
              .retryPolicy(KlingRetryPolicy.noRetries())
              .build();
      texts.add(failure(() -> unreachable.createTask(createRequest())));
      texts.add(KlingCredentials.bearer(TestClients.TOKEN).toString());
      texts.add(KlingCredentials.accessKey(ACCESS_KEY, SECRET_KEY).toString());
      texts.add(bearer.toString());
      texts.add(jwt.toString());
    } finally {
      System.setErr(originalErr);
    }
    String logs = captured.toString(StandardCharsets.UTF_8);
    texts.add(logs);

    assertThat(logs).contains("request_id req-1004").contains("got no answer");
    assertThat(String.join("\n", texts))
        .doesNotContain(TestClients.TOKEN)
        .doesNotContain(SECRET_KEY)
        .doesNotContain(ACCESS_KEY)
        .doesNotContainPattern("Bearer\\s")
        .doesNotContain("eyJ");
  }

  private static CreateTaskRequest createRequest() {
    return CreateTaskRequest.builder()
        .sessionId("s1")
        .editMode(EditMode.REMOVAL)
        .prompt("Delete the lamp from <<<video_1>>>")
        .build();
  }

  private static String failure(Runnable call) {
    try {
      call.run();
    } catch (KlingException e) {
      StringBuilder text = new StringBuilder();
      for (Throwable t = e; t != null; t = t.getCause()) {
        text.append(t).append('\n');
      }
      text.append(e.userMessage());
      return text.toString();
    }
    throw new AssertionError("the call did not fail");
  }
}
