package dev.klingbot.slack;

import com.google.gson.Gson;
import com.slack.api.app_backend.SlackSignature;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Slack-shaped HTTP requests (events, slash commands, interactivity), signed like Slack does. */
final class SlackRequests {
  static final String SIGNING_SECRET = "test-signing-secret-0123456789";
  static final String CHANNEL = "C1";
  private static final Gson GSON = new Gson();
  private static final AtomicLong EVENTS = new AtomicLong();

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
    return send(eventBody(event), "application/json");
  }

  static String eventBody(Map<String, Object> event) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("token", "legacy");
    body.put("team_id", FakeSlack.TEAM);
    body.put("api_app_id", "A1");
    body.put("type", "event_callback");
    body.put("event_id", "Ev" + EVENTS.incrementAndGet());
    body.put("event_time", Instant.now().getEpochSecond());
    body.put("event", event);
    return GSON.toJson(body);
  }

  /** An {@code app_mention} with files, at top level ({@code threadTs} null) or in a thread. */
  static Map<String, Object> mention(
      String user, String ts, String threadTs, String text, List<Map<String, Object>> files) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", "app_mention");
    event.put("user", user);
    event.put("text", "<@" + FakeSlack.BOT_USER + "> " + text);
    event.put("ts", ts);
    event.put("channel", CHANNEL);
    event.put("team", FakeSlack.TEAM);
    event.put("event_ts", ts);
    if (threadTs != null) {
      event.put("thread_ts", threadTs);
    }
    if (!files.isEmpty()) {
      event.put("files", files);
    }
    return event;
  }

  /** A plain {@code message} in a thread. */
  static Map<String, Object> threadMessage(String user, String ts, String threadTs, String text) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", "message");
    event.put("channel_type", "channel");
    event.put("user", user);
    event.put("text", text);
    event.put("ts", ts);
    event.put("thread_ts", threadTs);
    event.put("channel", CHANNEL);
    event.put("team", FakeSlack.TEAM);
    event.put("event_ts", ts);
    return event;
  }

  SlackHttpResponse command(String user, String text, String responseUrl) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", "legacy");
    form.put("team_id", FakeSlack.TEAM);
    form.put("team_domain", "test");
    form.put("channel_id", CHANNEL);
    form.put("channel_name", "general");
    form.put("user_id", user);
    form.put("user_name", user.toLowerCase());
    form.put("command", "/kling");
    form.put("text", text);
    form.put("api_app_id", "A1");
    form.put("response_url", responseUrl);
    form.put("trigger_id", "trigger-1");
    return send(form(form), "application/x-www-form-urlencoded");
  }

  /** A button press on a message in a thread. */
  SlackHttpResponse press(String user, String actionId, String messageTs, String threadTs) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("type", "block_actions");
    payload.put("team", Map.of("id", FakeSlack.TEAM, "domain", "test"));
    payload.put("user", Map.of("id", user, "username", user.toLowerCase(), "team_id", "T1"));
    payload.put("api_app_id", "A1");
    payload.put("token", "legacy");
    payload.put(
        "container",
        Map.of(
            "type", "message",
            "message_ts", messageTs,
            "channel_id", CHANNEL,
            "is_ephemeral", false,
            "thread_ts", threadTs));
    payload.put("trigger_id", "trigger-2");
    payload.put("channel", Map.of("id", CHANNEL, "name", "general"));
    payload.put(
        "message",
        Map.of(
            "type", "message", "user", FakeSlack.BOT_USER, "ts", messageTs, "thread_ts", threadTs));
    payload.put("response_url", "http://localhost/unused");
    payload.put(
        "actions",
        List.of(
            Map.of(
                "action_id",
                actionId,
                "block_id",
                BlockKit.ACTIONS_BLOCK,
                "type",
                "button",
                "value",
                actionId.substring(actionId.indexOf(':') + 1),
                "action_ts",
                "1700000000.1")));
    return send(form(Map.of("payload", GSON.toJson(payload))), "application/x-www-form-urlencoded");
  }

  /** A modal submitted with one text field. */
  SlackHttpResponse submitModal(String user, String callbackId, String metadata, String value) {
    Map<String, Object> field = new LinkedHashMap<>();
    field.put("type", "plain_text_input");
    field.put("value", value);
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", "V1");
    view.put("type", "modal");
    view.put("callback_id", callbackId);
    view.put("private_metadata", metadata);
    view.put("state", Map.of("values", Map.of(BlockKit.INPUT, Map.of(BlockKit.INPUT, field))));
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("type", "view_submission");
    payload.put("team", Map.of("id", FakeSlack.TEAM, "domain", "test"));
    payload.put("user", Map.of("id", user, "username", user.toLowerCase(), "team_id", "T1"));
    payload.put("api_app_id", "A1");
    payload.put("token", "legacy");
    payload.put("trigger_id", "trigger-3");
    payload.put("view", view);
    return send(form(Map.of("payload", GSON.toJson(payload))), "application/x-www-form-urlencoded");
  }

  static String form(Map<String, String> values) {
    StringBuilder body = new StringBuilder();
    values.forEach(
        (name, value) -> {
          if (body.length() > 0) {
            body.append('&');
          }
          body.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
              .append('=')
              .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
    return body.toString();
  }
}
