package dev.klingbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.sun.net.httpserver.HttpServer;
import dev.klingbot.app.http.AppHttpServer;
import dev.klingbot.app.http.SlackRoute;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /slack/events} on the Jetty server: the exact body and headers reach Bolt, so a signed
 * slash command is answered and an unsigned one refused. Slack's Web API is a local fake.
 */
class SlackRouteOnJettyTest {
  private static final String SECRET = "route-test-signing-secret";

  private HttpServer slackApi;
  private AppHttpServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    slackApi = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    slackApi.createContext(
        "/api/",
        exchange -> {
          byte[] ok =
              "{\"ok\":true,\"user_id\":\"UBOT\",\"team_id\":\"T1\",\"bot_id\":\"B1\"}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, ok.length);
          exchange.getResponseBody().write(ok);
          exchange.close();
        });
    slackApi.start();
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(
        "http://127.0.0.1:" + slackApi.getAddress().getPort() + "/api/");
    App app =
        new App(
            AppConfig.builder()
                .slack(Slack.getInstance(slackConfig))
                .singleTeamBotToken("test-bot-token-for-the-route")
                .signingSecret(SECRET)
                .requestVerificationEnabled(true)
                .build());
    app.command(
        "/kling", (request, context) -> context.ack("pong " + request.getPayload().getText()));
    server = new AppHttpServer("127.0.0.1", 0);
    server.route(SlackHttpHandler.PATH, new SlackRoute(new SlackHttpHandler(app, () -> true)));
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
    slackApi.stop(0);
  }

  private HttpResponse<String> post(String body, String timestamp, String signature)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/slack/events"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      request.header("X-Slack-Request-Timestamp", timestamp).header("X-Slack-Signature", signature);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String sign(String timestamp, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
    return "v0=" + HexFormat.of().formatHex(digest);
  }

  @Test
  void aSignedCommandIsAnsweredAndAnUnsignedOneRefused() throws Exception {
    String body =
        "command=%2Fkling&text="
            + URLEncoder.encode("ping ü", StandardCharsets.UTF_8)
            + "&team_id=T1&user_id=U1&channel_id=C1&trigger_id=1.2&response_url="
            + URLEncoder.encode("https://hooks.slack.com/commands/x", StandardCharsets.UTF_8);
    String now = Long.toString(Instant.now().getEpochSecond());

    HttpResponse<String> signed = post(body, now, sign(now, body));
    HttpResponse<String> forged = post(body, now, "v0=" + "0".repeat(64));
    HttpResponse<String> unsigned = post(body, null, null);

    assertThat(signed.statusCode()).isEqualTo(200);
    assertThat(signed.body()).contains("pong ping ü");
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(unsigned.statusCode()).isEqualTo(401);
  }
}
