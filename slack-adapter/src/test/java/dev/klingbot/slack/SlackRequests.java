package dev.klingbot.slack;

import com.slack.api.app_backend.SlackSignature;
import dev.klingbot.slack.fake.SlackPayloads;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Slack-shaped HTTP requests (events, slash commands, interactivity), signed like Slack does and
 * handed to the bot's {@link SlackHttpHandler}. The payloads come from {@link SlackPayloads}.
 */
final class SlackRequests {
  static final String SIGNING_SECRET = "test-signing-secret-0123456789";
  static final String CHANNEL = SlackPayloads.CHANNEL;

  private final SlackHttpHandler handler;

  SlackRequests(SlackHttpHandler handler) {
    this.handler = handler;
  }

  SlackHttpResponse send(String body, String contentType) {
    return send(body, contentType, Instant.now().getEpochSecond(), SIGNING_SECRET);
  }

  SlackHttpResponse send(String body, String contentType, long timestamp, String secret) {
    String signature =
        new SlackSignature.Generator(secret).generate(Long.toString(timestamp), body);
    return sendWithHeaders(body, contentType, Long.toString(timestamp), signature);
  }

  SlackHttpResponse sendWithHeaders(
      String body, String contentType, String timestamp, String signature) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Content-Type", List.of(contentType));
    headers.put("X-Slack-Request-Timestamp", List.of(timestamp));
    headers.put("X-Slack-Signature", List.of(signature));
    return handler.handle(
        "POST", SlackHttpHandler.PATH, null, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  SlackHttpResponse event(Map<String, Object> event) {
    return send(SlackPayloads.eventBody(event), "application/json");
  }

  /** An {@code app_mention} with files, at top level ({@code threadTs} null) or in a thread. */
  static Map<String, Object> mention(
      String user, String ts, String threadTs, String text, List<Map<String, Object>> files) {
    return SlackPayloads.mention(user, ts, threadTs, text, files);
  }

  /** A plain {@code message} in a thread. */
  static Map<String, Object> threadMessage(String user, String ts, String threadTs, String text) {
    return SlackPayloads.threadMessage(user, ts, threadTs, text);
  }

  SlackHttpResponse command(String user, String text, String responseUrl) {
    return send(
        form(SlackPayloads.command(user, text, responseUrl)), "application/x-www-form-urlencoded");
  }

  /** A button press on a message in a thread. */
  SlackHttpResponse press(String user, String actionId, String messageTs, String threadTs) {
    String payload =
        SlackPayloads.press(user, actionId, messageTs, threadTs, BlockKit.ACTIONS_BLOCK);
    return send(form(Map.of("payload", payload)), "application/x-www-form-urlencoded");
  }

  /** A modal submitted with one text field. */
  SlackHttpResponse submitModal(String user, String callbackId, String metadata, String value) {
    String payload = SlackPayloads.submitModal(user, callbackId, metadata, BlockKit.INPUT, value);
    return send(form(Map.of("payload", payload)), "application/x-www-form-urlencoded");
  }

  static String form(Map<String, String> values) {
    return SlackPayloads.form(values);
  }
}
