package dev.klingbot.slack.fake;

import com.google.gson.Gson;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What Slack sends an app, shaped as Slack documents it: Events API callbacks ({@code app_mention},
 * {@code message} with and without subtypes), slash command forms and interaction payloads. The
 * same payloads go over Socket Mode (inside envelopes) and HTTP mode (signed bodies).
 */
public final class SlackPayloads {
  public static final String CHANNEL = "C1";

  /** The action block id the bot's Block Kit messages use. */
  public static final String ACTIONS_BLOCK = "kling-actions";

  private static final Gson GSON = new Gson();
  private static final AtomicLong EVENTS = new AtomicLong();

  private SlackPayloads() {}

  /** A fresh event id, as Slack gives each delivery of a new event. */
  public static String newEventId() {
    return "Ev" + System.nanoTime() + "x" + EVENTS.incrementAndGet();
  }

  /** The {@code event_callback} body around {@code event}, with a fresh event id. */
  public static String eventBody(Map<String, Object> event) {
    return eventBody(newEventId(), event);
  }

  public static String eventBody(String eventId, Map<String, Object> event) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("token", "legacy");
    body.put("team_id", FakeSlack.TEAM);
    body.put("api_app_id", "A1");
    body.put("type", "event_callback");
    body.put("event_id", eventId);
    body.put("event_time", Instant.now().getEpochSecond());
    body.put("event", event);
    return GSON.toJson(body);
  }

  /** An {@code app_mention} with files, at top level ({@code threadTs} null) or in a thread. */
  public static Map<String, Object> mention(
      String user, String ts, String threadTs, String text, List<Map<String, Object>> files) {
    Map<String, Object> event = message("app_mention", user, ts, threadTs);
    event.put("text", "<@" + FakeSlack.BOT_USER + "> " + text);
    if (!files.isEmpty()) {
      event.put("files", files);
    }
    return event;
  }

  /**
   * The {@code app_mention} Slack sends again when the mentioning message is edited: same {@code
   * ts}, the new text, and {@code edited}.
   */
  public static Map<String, Object> editedMention(
      String user, String ts, String threadTs, String text, List<Map<String, Object>> files) {
    Map<String, Object> event = mention(user, ts, threadTs, text, files);
    event.put("edited", Map.of("user", user, "ts", ts.substring(0, ts.indexOf('.')) + ".999999"));
    return event;
  }

  /** A plain {@code message} in a thread. */
  public static Map<String, Object> threadMessage(
      String user, String ts, String threadTs, String text) {
    Map<String, Object> event = message("message", user, ts, threadTs);
    event.put("channel_type", "channel");
    event.put("text", text);
    return event;
  }

  /** A thread reply with "Also send to channel" ticked. */
  public static Map<String, Object> threadBroadcast(
      String user, String ts, String threadTs, String text) {
    Map<String, Object> event = threadMessage(user, ts, threadTs, text);
    event.put("subtype", "thread_broadcast");
    event.put("root", Map.of("ts", threadTs, "user", user, "type", "message"));
    return event;
  }

  /** A message with files attached ({@code threadTs} null at top level). */
  public static Map<String, Object> fileShare(
      String user, String ts, String threadTs, String text, List<Map<String, Object>> files) {
    Map<String, Object> event = message("message", user, ts, threadTs);
    event.put("subtype", "file_share");
    event.put("channel_type", "channel");
    event.put("text", text);
    event.put("upload", true);
    event.put("files", files);
    return event;
  }

  private static Map<String, Object> message(String type, String user, String ts, String thread) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", type);
    event.put("user", user);
    event.put("ts", ts);
    event.put("channel", CHANNEL);
    event.put("team", FakeSlack.TEAM);
    event.put("event_ts", ts);
    if (thread != null) {
      event.put("thread_ts", thread);
    }
    return event;
  }

  /** The fields of a {@code /kling} invocation. */
  public static Map<String, String> command(String user, String text, String responseUrl) {
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
    return form;
  }

  /** A {@code block_actions} payload: a button pressed on a message in a thread. */
  public static String press(
      String user, String actionId, String messageTs, String threadTs, String blockId) {
    Map<String, Object> payload = interaction("block_actions", user);
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
                blockId,
                "type",
                "button",
                "value",
                actionId.substring(actionId.indexOf(':') + 1),
                "action_ts",
                "1700000000.1")));
    return GSON.toJson(payload);
  }

  /** A {@code view_submission} payload: a modal submitted with one text field. */
  public static String submitModal(
      String user, String callbackId, String metadata, String input, String value) {
    Map<String, Object> field = new LinkedHashMap<>();
    field.put("type", "plain_text_input");
    field.put("value", value);
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", "V1");
    view.put("type", "modal");
    view.put("callback_id", callbackId);
    view.put("private_metadata", metadata);
    view.put("state", Map.of("values", Map.of(input, Map.of(input, field))));
    Map<String, Object> payload = interaction("view_submission", user);
    payload.put("trigger_id", "trigger-3");
    payload.put("view", view);
    return GSON.toJson(payload);
  }

  /** A form body, URL-encoded as Slack sends slash commands and interactions over HTTP. */
  public static String form(Map<String, String> values) {
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

  /** The start every interaction payload has: its type, the workspace, the user and the app. */
  private static Map<String, Object> interaction(String type, String user) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("type", type);
    payload.put("team", Map.of("id", FakeSlack.TEAM, "domain", "test"));
    payload.put("user", Map.of("id", user, "username", user.toLowerCase(), "team_id", "T1"));
    payload.put("api_app_id", "A1");
    payload.put("token", "legacy");
    return payload;
  }
}
