package dev.klingbot.slack.fake;

import dev.klingbot.config.MediaConfig;
import dev.klingbot.config.Secret;
import dev.klingbot.config.SlackConfig;
import dev.klingbot.core.admin.AdminService;
import dev.klingbot.core.chat.ChatPorts;
import dev.klingbot.core.store.Database;
import dev.klingbot.core.store.SeenEventStore;
import dev.klingbot.core.workflow.EditService;
import dev.klingbot.slack.SlackBot;
import dev.klingbot.slack.SlackHttpHandler;
import dev.klingbot.slack.SlackHttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real {@link SlackBot} (real Bolt) connected to a {@link FakeSlack} the way Slack reaches it:
 * over a Socket Mode WebSocket, or by signed HTTP requests. Tests talk to it only through what
 * Slack would send and see only what the bot sends back to the Web API, so they do not depend on
 * how the adapter is built inside.
 */
public final class WireBot implements AutoCloseable {
  public static final String SIGNING_SECRET = "wire-signing-secret-0123456789abcdef";

  /** How Slack reaches the bot. */
  public enum Mode {
    SOCKET,
    HTTP
  }

  /** What the bot answered at once (the acknowledgement). */
  public record Ack(int status, String body, Duration after) {}

  private final Mode mode;
  private final FakeSlack slack;
  private final EditService edits;
  private final AdminService admin;
  private final ChatPorts chats;
  private final Database database;
  private SlackBot bot;
  private SocketModeSlack socket;
  private SignedHttpSlack http;

  public WireBot(
      Mode mode,
      FakeSlack slack,
      EditService edits,
      AdminService admin,
      ChatPorts chats,
      Database database) {
    this.mode = mode;
    this.slack = slack;
    this.edits = edits;
    this.admin = admin;
    this.chats = chats;
    this.database = database;
    start();
  }

  public Mode mode() {
    return mode;
  }

  public FakeSlack slack() {
    return slack;
  }

  private void start() {
    SlackConfig config =
        mode == Mode.SOCKET
            ? new SlackConfig(
                Secret.of(FakeSlack.BOT_TOKEN),
                Secret.of(FakeSlack.APP_TOKEN),
                null,
                "socket",
                List.of("U_LISTED"))
            : new SlackConfig(
                Secret.of(FakeSlack.BOT_TOKEN),
                null,
                Secret.of(SIGNING_SECRET),
                "http",
                List.of("U_LISTED"));
    if (mode == Mode.SOCKET) {
      socket = new SocketModeSlack();
      slack.socket(socket);
    }
    bot =
        new SlackBot(
            config,
            MediaConfig.defaults(),
            new dev.klingbot.core.conversation.ConversationHandler(
                edits, admin, chats, java.time.Clock.systemUTC()),
            chats,
            new SeenEventStore(database)::firstTime,
            slack.apiConfig());
    bot.start();
    if (mode == Mode.SOCKET) {
      try {
        socket.awaitConnected(Duration.ofSeconds(15));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    } else {
      SlackHttpHandler handler = bot.httpHandler().orElseThrow();
      http =
          new SignedHttpSlack(
              SIGNING_SECRET,
              SlackHttpHandler.PATH,
              (method, path, query, headers, body) -> {
                SlackHttpResponse answer = handler.handle(method, path, query, headers, body);
                return new SignedHttpSlack.Answer(answer.status(), answer.headers(), answer.body());
              });
    }
  }

  /** Stops this bot process and starts a new one on the same database and fake Slack. */
  public void restart() {
    stop();
    start();
  }

  /** Delivers a new event (fresh event id). */
  public Ack event(Map<String, Object> event) throws InterruptedException {
    return event(SlackPayloads.newEventId(), event, 0);
  }

  /**
   * Delivers an event with the given id; {@code retry} above 0 is Slack delivering it again ({@code
   * X-Slack-Retry-Num} in HTTP mode, {@code retry_attempt} in Socket Mode).
   */
  public Ack event(String eventId, Map<String, Object> event, int retry)
      throws InterruptedException {
    String body = SlackPayloads.eventBody(eventId, event);
    if (mode == Mode.SOCKET) {
      return fromSocket(socket.event(body, retry));
    }
    Map<String, String> headers =
        retry == 0
            ? Map.of()
            : Map.of(
                "X-Slack-Retry-Num", Integer.toString(retry), "X-Slack-Retry-Reason", "timeout");
    return timed(() -> http.postJson(body, headers));
  }

  /** {@code /kling <text>} typed by {@code user}. */
  public Ack command(String user, String text, String responseUrl) throws InterruptedException {
    Map<String, String> fields = SlackPayloads.command(user, text, responseUrl);
    if (mode == Mode.SOCKET) {
      return fromSocket(socket.command(fields));
    }
    return timed(() -> http.postForm(SlackPayloads.form(fields), Map.of()));
  }

  /** A button pressed on a message of the bot in a thread. */
  public Ack press(String user, String actionId, String messageTs, String threadTs)
      throws InterruptedException {
    String payload =
        SlackPayloads.press(user, actionId, messageTs, threadTs, SlackPayloads.ACTIONS_BLOCK);
    if (mode == Mode.SOCKET) {
      return fromSocket(socket.interactive(payload));
    }
    return timed(() -> http.postForm(SlackPayloads.form(Map.of("payload", payload)), Map.of()));
  }

  /** HTTP mode only: Slack's side, to send hand-made or replayed requests. */
  public SignedHttpSlack http() {
    if (http == null) {
      throw new IllegalStateException("the bot runs in Socket Mode");
    }
    return http;
  }

  private static Ack fromSocket(SocketModeSlack.Ack ack) {
    return new Ack(200, ack.payload(), ack.after());
  }

  private static Ack timed(java.util.function.Supplier<SignedHttpSlack.Answer> send) {
    long start = System.nanoTime();
    SignedHttpSlack.Answer answer = send.get();
    Duration after = Duration.ofNanos(System.nanoTime() - start);
    if (after.compareTo(SocketModeSlack.ACK_DEADLINE) > 0) {
      throw new AssertionError("the bot answered Slack's HTTP request only after " + after);
    }
    return new Ack(answer.status(), answer.text(), after);
  }

  private void stop() {
    if (http != null) {
      http.close();
      http = null;
    }
    if (bot != null) {
      bot.close();
      bot = null;
    }
  }

  @Override
  public void close() {
    stop();
  }
}
