package dev.klingbot.slack.fake;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * Slack's end of a Socket Mode connection: greets the app with {@code hello}, sends {@code
 * events_api}, {@code interactive} and {@code slash_commands} envelopes, and holds the app to
 * Slack's rule that every envelope is acknowledged with its {@code envelope_id} within three
 * seconds.
 */
public final class SocketModeSlack extends WebSocketListener {
  /** Slack's deadline for an acknowledgement. */
  public static final Duration ACK_DEADLINE = Duration.ofSeconds(3);

  private static final Gson GSON = new Gson();

  private final AtomicLong envelopes = new AtomicLong();
  private final Map<String, CompletableFuture<JsonObject>> acks = new ConcurrentHashMap<>();
  private final CountDownLatch opened = new CountDownLatch(1);
  private volatile WebSocket socket;

  @Override
  public void onOpen(WebSocket webSocket, Response response) {
    socket = webSocket;
    webSocket.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\"}}");
    opened.countDown();
  }

  @Override
  public void onMessage(WebSocket webSocket, String text) {
    JsonObject message = GSON.fromJson(text, JsonObject.class);
    JsonElement id = message.get("envelope_id");
    if (id != null) {
      acks.computeIfAbsent(id.getAsString(), k -> new CompletableFuture<>()).complete(message);
    }
  }

  @Override
  public void onClosing(WebSocket webSocket, int code, String reason) {
    webSocket.close(code, reason);
  }

  /** Waits until the app has connected (and was greeted). */
  public void awaitConnected(Duration timeout) throws InterruptedException {
    if (!opened.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the app did not open the Socket Mode connection in " + timeout);
    }
  }

  /** Sends an {@code events_api} envelope around an {@code event_callback} body. */
  public Ack event(String eventCallbackJson, int retryAttempt) throws InterruptedException {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("type", "events_api");
    envelope.put("accepts_response_payload", false);
    envelope.put("retry_attempt", retryAttempt);
    envelope.put("retry_reason", retryAttempt == 0 ? "" : "timeout");
    envelope.put("payload", GSON.fromJson(eventCallbackJson, JsonObject.class));
    return send(envelope);
  }

  /** Sends a {@code slash_commands} envelope. */
  public Ack command(Map<String, String> fields) throws InterruptedException {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("type", "slash_commands");
    envelope.put("accepts_response_payload", true);
    envelope.put("payload", fields);
    return send(envelope);
  }

  /** Sends an {@code interactive} envelope (block actions, view submissions). */
  public Ack interactive(String payloadJson) throws InterruptedException {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("type", "interactive");
    envelope.put("accepts_response_payload", true);
    envelope.put("payload", GSON.fromJson(payloadJson, JsonObject.class));
    return send(envelope);
  }

  private Ack send(Map<String, Object> envelope) throws InterruptedException {
    if (socket == null) {
      throw new AssertionError("the app has not connected over Socket Mode");
    }
    String id = "env-" + envelopes.incrementAndGet();
    Map<String, Object> withId = new LinkedHashMap<>();
    withId.put("envelope_id", id);
    withId.putAll(envelope);
    CompletableFuture<JsonObject> ack = acks.computeIfAbsent(id, k -> new CompletableFuture<>());
    long sent = System.nanoTime();
    socket.send(GSON.toJson(withId));
    try {
      JsonObject answer = ack.get(ACK_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
      JsonElement payload = answer.get("payload");
      return new Ack(
          Duration.ofNanos(System.nanoTime() - sent), payload == null ? "" : payload.toString());
    } catch (TimeoutException e) {
      throw new AssertionError(
          "envelope " + id + " (" + envelope.get("type") + ") was not acknowledged within 3 s");
    } catch (ExecutionException e) {
      throw new AssertionError(e.getCause());
    }
  }

  /**
   * An acknowledgement.
   *
   * @param after how long after sending it came
   * @param payload the response payload the app sent with it, or empty
   */
  public record Ack(Duration after, String payload) {}
}
