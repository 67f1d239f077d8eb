package dev.klingbot.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.Platform;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.testing.WorkflowFixture;
import dev.klingbot.core.workflow.StartEdit;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Kling's callbacks over real HTTP: 200 when delivered, and no oracle for which edits exist. */
class CallbackRouteTest {
  private static final String BODY = "{\"task_id\":\"x\",\"task_status\":\"succeed\"}";

  private WorkflowFixture fixture;
  private AppHttpServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    fixture = WorkflowFixture.quick();
    server = new AppHttpServer("127.0.0.1", 0);
    server.route("/kling/callback/", new CallbackRoute(fixture.workflow().callbacks()));
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
    fixture.close();
  }

  private HttpResponse<String> post(String rest) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/kling/callback/" + rest))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(BODY))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aDeliveredCallbackIsAnswered200AndForgedOnesAllLookAlike() throws Exception {
    Edit edit =
        fixture
            .workflow()
            .service()
            .start(
                WorkflowFixture.requester(Platform.DISCORD, "alice"),
                StartEdit.of(fixture.sampleFile(1280, 720, 30, 5), "remove the ball"))
            .edit();

    HttpResponse<String> delivered = post(edit.id() + "/" + edit.callbackToken());
    HttpResponse<String> wrongSecret = post(edit.id() + "/not-the-secret");
    HttpResponse<String> unknownEdit = post("NOSUCHEDIT/" + edit.callbackToken());

    assertThat(delivered.statusCode()).isEqualTo(200);
    assertThat(wrongSecret.statusCode()).isEqualTo(unknownEdit.statusCode()).isEqualTo(404);
    assertThat(wrongSecret.body()).isEqualTo(unknownEdit.body());
    assertThat(wrongSecret.headers().map()).containsOnlyKeys(unknownEdit.headers().map().keySet());
    assertThat(wrongSecret.headers().firstValue("Content-Length"))
        .isEqualTo(unknownEdit.headers().firstValue("Content-Length"));
  }
}
