package dev.klingbot.slack.fake;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.klingbot.core.testing.Monitors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;

/**
 * A local stand-in for Slack's Web API and file hosts: answers the methods the bot calls, accepts
 * uploads at the URL it hands out, serves {@code url_private} downloads (only with the bot token),
 * receives {@code response_url} answers, and records every request.
 */
public final class FakeSlack implements AutoCloseable {
  public static final String BOT_TOKEN = "xoxb-fake";
  public static final String TEAM = "T1";
  public static final String BOT_USER = "UBOT";
  public static final String APP_TOKEN = "xapp-fake";
  private static final Gson GSON = new Gson();
  private static final Gson PLAIN = new GsonBuilder().disableHtmlEscaping().create();

  /** One request the bot made. */
  public record Call(
      String method, Map<String, String> params, Headers headers, byte[] body, String answer) {
    public String param(String name) {
      return params.get(name);
    }

    /** A field of the JSON the fake answered, e.g. the {@code ts} of a posted message. */
    public String answered(String field) {
      JsonElement value = GSON.fromJson(answer, JsonObject.class).get(field);
      return value == null ? null : value.getAsString();
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** The blocks as JSON without Gson's HTML escapes ({@code &} stays {@code &}). */
    public String blocks() {
      String blocks = params.get("blocks");
      return blocks == null ? "" : PLAIN.toJson(GSON.fromJson(blocks, JsonElement.class));
    }

    /** The text, blocks and file comment of a call, as one string. */
    public String shown() {
      return params.get("text") + " " + blocks() + " " + params.get("initial_comment");
    }
  }

  private record ServedFile(String name, Path path) {}

  private final MockWebServer server = new MockWebServer();
  private final List<Call> calls = new ArrayList<>();
  private final Map<String, Map<String, Object>> users = new ConcurrentHashMap<>();
  private final Map<String, ServedFile> files = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Object>> fileInfos = new ConcurrentHashMap<>();
  private final Map<String, Deque<MockResponse>> scripted = new ConcurrentHashMap<>();

  /**
   * The messages the bot posted (texts and file shares), oldest first, for conversations.replies.
   */
  private final List<Map<String, Object>> posted =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  private final AtomicLong ts = new AtomicLong(1_700_000_100_000_000L);
  private final AtomicLong fileIds = new AtomicLong();
  private volatile okhttp3.WebSocketListener socket;

  public FakeSlack() {
    this(0);
  }

  /**
   * A fake Slack on {@code port} of the loopback address; a port nothing listens on yet is a Slack
   * that cannot be reached until this fake starts there (see {@link #apiConfigAt(int)}).
   */
  public FakeSlack(int port) {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return answer(request);
          }
        });
    try {
      server.start(InetAddress.getLoopbackAddress(), port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    user("U_ALICE", "alice", false);
    user("U_BOB", "bob", false);
    user("U_ADMIN", "ada", true);
    user("U_LISTED", "lisa", false);
  }

  /** The Slack SDK configuration that sends Web API calls here. */
  public com.slack.api.SlackConfig apiConfig() {
    com.slack.api.SlackConfig config = new com.slack.api.SlackConfig();
    config.setMethodsEndpointUrlPrefix(server.url("/api/").toString());
    return config;
  }

  /** The Slack SDK configuration that sends Web API calls to a fake Slack on {@code port}. */
  public static com.slack.api.SlackConfig apiConfigAt(int port) {
    com.slack.api.SlackConfig config = new com.slack.api.SlackConfig();
    config.setMethodsEndpointUrlPrefix(
        "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port + "/api/");
    return config;
  }

  /** A loopback port that nothing listens on (until a fake starts there). */
  public static int freePort() {
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void user(String id, String name, boolean admin) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("id", id);
    user.put("team_id", TEAM);
    user.put("name", name);
    user.put("real_name", name);
    user.put("is_admin", admin);
    user.put("is_owner", false);
    user.put("profile", Map.of("display_name", name));
    users.put(id, user);
  }

  /** Sets the language Slack reports for a user (with {@code include_locale}), e.g. zh-CN. */
  public void userLocale(String id, String locale) {
    users.get(id).put("locale", locale);
  }

  /** Serves {@code path} as a Slack file; answers its JSON as it appears in an event. */
  public Map<String, Object> file(String id, String name, String mimetype, Path path) {
    files.put(id, new ServedFile(name, path));
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("id", id);
    file.put("name", name);
    file.put("mimetype", mimetype);
    file.put("filetype", name.substring(name.lastIndexOf('.') + 1));
    try {
      file.put("size", Files.size(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String url = server.url("/files-pri/" + TEAM + "-" + id + "/" + name).toString();
    file.put("url_private", url);
    file.put("url_private_download", url + "?download=1");
    fileInfos.put(id, file);
    return file;
  }

  /**
   * Serves {@code path} as a file shared from another organisation (Slack Connect): the event only
   * carries this placeholder, and {@code files.info} tells the rest.
   */
  public Map<String, Object> connectFile(String id, String name, String mimetype, Path path) {
    file(id, name, mimetype, path);
    Map<String, Object> placeholder = new LinkedHashMap<>();
    placeholder.put("id", id);
    placeholder.put("file_access", "check_file_info");
    placeholder.put("created", Instant.now().getEpochSecond());
    placeholder.put("timestamp", Instant.now().getEpochSecond());
    placeholder.put("user", "U_EXTERNAL");
    return placeholder;
  }

  /** A Slack Connect placeholder for a file the bot may not see: {@code files.info} refuses. */
  public Map<String, Object> hiddenConnectFile(String id) {
    Map<String, Object> placeholder = new LinkedHashMap<>();
    placeholder.put("id", id);
    placeholder.put("file_access", "check_file_info");
    placeholder.put("created", Instant.now().getEpochSecond());
    placeholder.put("user", "U_EXTERNAL");
    return placeholder;
  }

  /** Socket Mode: {@code apps.connections.open} points here and {@code listener} is Slack. */
  public void socket(okhttp3.WebSocketListener listener) {
    this.socket = listener;
  }

  /** The response URL of a slash command, answered here. */
  public String responseUrl(String name) {
    return server.url("/respond/" + name).toString();
  }

  /** The next call of {@code method} answers {@code response} instead. */
  public void script(String method, MockResponse response) {
    scripted.computeIfAbsent(method, m -> new ArrayDeque<>()).add(response);
  }

  public static MockResponse json(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .addHeader("Content-Type", "application/json; charset=utf-8")
        .body(body)
        .build();
  }

  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  public synchronized List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  /** Waits for a file upload completed with an initial comment that contains {@code text}. */
  public Call awaitUpload(String text, Duration timeout) throws InterruptedException {
    return await(
        "files.completeUploadExternal",
        c -> String.valueOf(c.param("initial_comment")).contains(text),
        timeout);
  }

  /** Waits for a call matching {@code condition}. */
  public synchronized Call await(String method, Predicate<Call> condition, Duration timeout)
      throws InterruptedException {
    return Monitors.awaitFirst(
        this,
        calls,
        call -> call.method().equals(method) && condition.test(call),
        timeout,
        method,
        c -> c.method() + " " + c.params());
  }

  /** The answer of a lookup method: {@code found} under {@code key}, or the error when absent. */
  private static String found(String key, Map<String, Object> found, String error) {
    return found == null
        ? "{\"ok\":false,\"error\":\"" + error + "\"}"
        : GSON.toJson(Map.of("ok", true, key, found));
  }

  private synchronized void record(Call call) {
    calls.add(call);
    notifyAll();
  }

  private MockResponse answer(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    byte[] body = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
    if (path.startsWith("/api/")) {
      String method = path.substring("/api/".length());
      Map<String, String> params = params(request, body);
      Deque<MockResponse> queue = scripted.get(method);
      MockResponse next = queue == null ? null : queue.poll();
      if (next != null) {
        record(new Call(method, params, request.getHeaders(), body, "{}"));
        return next;
      }
      String auth = String.valueOf(request.getHeaders().get("Authorization"));
      boolean authed =
          auth.equals("Bearer " + BOT_TOKEN)
              ? !method.equals("apps.connections.open")
              : auth.equals("Bearer " + APP_TOKEN)
                  && (method.equals("apps.connections.open") || method.equals("auth.test"));
      String answer = authed ? api(method, params) : "{\"ok\":false,\"error\":\"not_authed\"}";
      record(new Call(method, params, request.getHeaders(), body, answer));
      return json(200, answer);
    }
    if (path.equals("/link") && socket != null) {
      record(new Call("socket", Map.of(), request.getHeaders(), body, "{}"));
      return new MockResponse.Builder().webSocketUpgrade(socket).build();
    }
    if (path.startsWith("/upload/")) {
      record(
          new Call(
              "upload", Map.of("file_id", path.substring(8)), request.getHeaders(), body, "{}"));
      return new MockResponse.Builder().code(200).body("OK - " + body.length).build();
    }
    if (path.startsWith("/respond/")) {
      Map<String, String> params = new LinkedHashMap<>();
      JsonObject json = GSON.fromJson(new String(body, StandardCharsets.UTF_8), JsonObject.class);
      json.entrySet().forEach(e -> params.put(e.getKey(), value(e.getValue())));
      record(new Call("respond", params, request.getHeaders(), body, "{}"));
      return new MockResponse.Builder().code(200).body("ok").build();
    }
    if (path.startsWith("/files-pri/")) {
      record(new Call("download", Map.of("path", path), request.getHeaders(), body, "{}"));
      if (!("Bearer " + BOT_TOKEN).equals(request.getHeaders().get("Authorization"))) {
        return new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "text/html")
            .body("<html>Sign in to Slack</html>")
            .build();
      }
      String id = path.substring(("/files-pri/" + TEAM + "-").length(), path.lastIndexOf('/'));
      ServedFile file = files.get(id);
      if (file == null) {
        return new MockResponse.Builder().code(404).build();
      }
      try {
        return new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "application/octet-stream")
            .body(new okio.Buffer().write(Files.readAllBytes(file.path())))
            .build();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new MockResponse.Builder().code(404).build();
  }

  private String api(String method, Map<String, String> params) {
    String channel = params.getOrDefault("channel", params.get("channel_id"));
    switch (method) {
      case "auth.test":
        return GSON.toJson(
            Map.of(
                "ok", true,
                "url", "https://test.slack.com/",
                "team", "Test",
                "user", "kling",
                "team_id", TEAM,
                "user_id", BOT_USER,
                "bot_id", "BBOT"));
      case "chat.postMessage":
        String postedTs = nextTs();
        remember(channel, params.get("thread_ts"), postedTs, params.get("text"), null);
        return GSON.toJson(Map.of("ok", true, "channel", channel, "ts", postedTs));
      case "conversations.replies":
        // the fake's ts are not clock times, so "oldest" is not applied
        List<Map<String, Object>> replies =
            posted.stream()
                .filter(m -> m.get("channel").equals(channel))
                .filter(
                    m ->
                        params.get("ts").equals(m.get("thread_ts"))
                            || params.get("ts").equals(m.get("ts")))
                .toList();
        return GSON.toJson(Map.of("ok", true, "messages", replies));
      case "chat.update":
      case "chat.delete":
        return GSON.toJson(Map.of("ok", true, "channel", channel, "ts", params.get("ts")));
      case "chat.postEphemeral":
        return GSON.toJson(Map.of("ok", true, "message_ts", nextTs()));
      case "users.info":
        Map<String, Object> user = users.get(params.get("user"));
        if (user != null && !List.of("1", "true").contains(params.get("include_locale"))) {
          user = new LinkedHashMap<>(user);
          user.remove("locale");
        }
        return found("user", user, "user_not_found");
      case "files.getUploadURLExternal":
        String id = "F_UP" + fileIds.incrementAndGet();
        return GSON.toJson(
            Map.of(
                "ok", true, "file_id", id, "upload_url", server.url("/upload/" + id).toString()));
      case "files.completeUploadExternal":
        remember(
            channel,
            params.get("thread_ts"),
            nextTs(),
            params.get("initial_comment"),
            GSON.fromJson(params.get("files"), List.class));
        return GSON.toJson(
            Map.of("ok", true, "files", GSON.fromJson(params.get("files"), List.class)));
      case "apps.connections.open":
        String link = server.url("/link").toString().replaceFirst("^http", "ws");
        return GSON.toJson(Map.of("ok", true, "url", link));
      case "files.info":
        return found("file", fileInfos.get(params.get("file")), "file_not_found");
      case "views.open":
        return "{\"ok\":true,\"view\":{\"id\":\"V1\"}}";
      default:
        return "{\"ok\":false,\"error\":\"unknown_method\"}";
    }
  }

  private void remember(
      String channel, String threadTs, String messageTs, String text, List<?> sharedFiles) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("type", "message");
    message.put("channel", channel);
    message.put("ts", messageTs);
    if (threadTs != null) {
      message.put("thread_ts", threadTs);
    }
    message.put("text", text == null ? "" : text);
    message.put("bot_id", "BBOT");
    if (sharedFiles != null) {
      message.put("files", sharedFiles);
    }
    posted.add(message);
  }

  private String nextTs() {
    long value = ts.incrementAndGet();
    return (value / 1_000_000) + "." + String.format("%06d", value % 1_000_000);
  }

  private static Map<String, String> params(RecordedRequest request, byte[] body) {
    Map<String, String> params = new LinkedHashMap<>();
    String type = String.valueOf(request.getHeaders().get("Content-Type"));
    String text = new String(body, StandardCharsets.UTF_8);
    if (type.startsWith("application/json")) {
      JsonObject json = GSON.fromJson(text, JsonObject.class);
      json.entrySet().forEach(e -> params.put(e.getKey(), value(e.getValue())));
      return params;
    }
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String[] kv = pair.split("=", 2);
      params.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return params;
  }

  private static String value(JsonElement element) {
    return element.isJsonPrimitive() ? element.getAsString() : element.toString();
  }

  @Override
  public void close() {
    server.close();
  }
}
