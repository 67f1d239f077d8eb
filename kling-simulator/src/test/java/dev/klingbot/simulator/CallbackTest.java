package dev.klingbot.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallbackTest {
  private static final byte[] KEY = "a webhook signing key".getBytes(StandardCharsets.UTF_8);

  /** One callback as the receiver saw it. */
  private record Delivery(JsonNode body, String raw, Map<String, String> headers) {}

  private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
  private HttpServer receiver;
  private KlingSimulator simulator;
  private Api api;

  @BeforeEach
  void start() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          deliveries.add(
              new Delivery(
                  Api.MAPPER.readTree(raw),
                  raw,
                  Map.of(
                      "id", header(exchange, "webhook-id"),
                      "timestamp", header(exchange, "webhook-timestamp"),
                      "signature", header(exchange, "webhook-signature"),
                      "type", header(exchange, "Content-Type"))));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    simulator =
        KlingSimulator.start(
            SimulatorOptions.builder()
                .clock(new SettableClock(Instant.parse("2025-02-01T00:00:00Z")))
                .webhookSecret("whsec_" + Base64.getEncoder().encodeToString(KEY))
                .build());
    api = Api.of(simulator);
  }

  private static String header(com.sun.net.httpserver.HttpExchange exchange, String name) {
    String value = exchange.getRequestHeaders().getFirst(name);
    return value == null ? "" : value;
  }

  @AfterEach
  void stop() {
    simulator.close();
    receiver.stop(0);
  }

  @Test
  void postsTheTaskOnEveryStatusChangeSigned() throws Exception {
    String sessionId = api.session(simulator.publishFile(TestMedia.tiny()));
    String callbackUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    String taskId =
        api.createTask(
            Api.removal(sessionId)
                .put("callback_url", callbackUrl)
                .put("external_task_id", "cb-1"));

    Delivery submitted = next();
    simulator.advance(Duration.ofSeconds(2));
    Delivery processing = next();
    simulator.advance(Duration.ofSeconds(6));
    Delivery succeeded = next();

    assertThat(submitted.body().path("task_status").asText()).isEqualTo("submitted");
    assertThat(processing.body().path("task_status").asText()).isEqualTo("processing");
    assertThat(succeeded.body().path("task_status").asText()).isEqualTo("succeed");
    assertThat(succeeded.body().has("code")).as("no envelope").isFalse();
    assertThat(succeeded.body().path("task_id").asText()).isEqualTo(taskId);
    assertThat(succeeded.body().path("task_info").path("external_task_id").asText())
        .isEqualTo("cb-1");
    assertThat(succeeded.body().path("task_result").path("videos").get(0).path("url").asText())
        .startsWith(simulator.officialBaseUrl() + "/files/");
    assertThat(succeeded.body()).isEqualTo(api.task(taskId).data());
    for (Delivery delivery : new Delivery[] {submitted, processing, succeeded}) {
      assertThat(delivery.headers().get("type")).startsWith("application/json");
      assertThat(delivery.headers().get("id")).startsWith("msg_");
      long timestamp = Long.parseLong(delivery.headers().get("timestamp"));
      assertThat(Math.abs(timestamp - Instant.now().getEpochSecond())).isLessThan(60);
      assertThat(delivery.headers().get("signature")).isEqualTo("v1," + sign(delivery));
    }
    assertThat(deliveries.poll(200, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void anUnreachableCallbackDoesNotStopTheTask() throws Exception {
    String sessionId = api.session(simulator.publishFile(TestMedia.tiny()));
    String taskId =
        api.createTask(Api.removal(sessionId).put("callback_url", "http://127.0.0.1:1/hook"));

    simulator.advance(Duration.ofSeconds(8));

    assertThat(simulator.awaitTask(taskId, Duration.ofSeconds(30)).status()).isEqualTo("succeed");
  }

  private Delivery next() throws InterruptedException {
    Delivery delivery = deliveries.poll(30, TimeUnit.SECONDS);
    assertThat(delivery).as("a callback arrived").isNotNull();
    return delivery;
  }

  private static String sign(Delivery delivery) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
    String content =
        delivery.headers().get("id")
            + "."
            + delivery.headers().get("timestamp")
            + "."
            + delivery.raw();
    return Base64.getEncoder()
        .encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
  }
}
