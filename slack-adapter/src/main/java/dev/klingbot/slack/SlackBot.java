package dev.klingbot.slack;

import static java.util.Objects.requireNonNull;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import com.slack.api.socket_mode.SocketModeClient;
import dev.klingbot.config.MediaConfig;
import dev.klingbot.config.SlackConfig;
import dev.klingbot.core.chat.ChatPorts;
import dev.klingbot.core.conversation.ConversationHandler;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack adapter: maps Slack (Bolt for Java) onto the core. A mention with a video starts an
 * edit in that message's thread; thread replies, buttons and modals work on it; {@code /kling}
 * answers status, history, quota, help and admin commands; results and progress come back through
 * the {@link dev.klingbot.core.chat.ChatPort} it registers.
 *
 * <p>Socket Mode (the default) connects out to Slack, so no public URL is needed. In HTTP mode
 * {@link #httpHandler()} gives the handler the app's HTTP server mounts at {@link
 * SlackHttpHandler#PATH}; Bolt verifies every request's signature and timestamp.
 */
public final class SlackBot implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SlackBot.class);
  private static final int THREADS = 8;
  private static final Duration USER_CACHE = Duration.ofMinutes(5);

  private final SlackConfig config;
  private final ChatPorts chats;
  private final Slack slack;
  private final SlackChat chat;
  private final SlackFiles files;
  private final WorkQueue queue;
  private final App app;
  private final SlackHttpHandler httpHandler;
  private final Clock clock;
  private final SeenKeys seen;
  private SocketModeApp socketMode;
  private volatile boolean started;
  private boolean closed;

  /**
   * A bot that talks to slack.com.
   *
   * @param seen where the events and signed requests already handled are remembered: the database's
   *     {@code SeenEventStore::firstTime}, so that Slack's retries after a restart are recognised
   */
  public SlackBot(
      SlackConfig config,
      MediaConfig media,
      ConversationHandler conversation,
      ChatPorts chats,
      SeenKeys seen) {
    this(config, media, conversation, chats, seen, new com.slack.api.SlackConfig());
  }

  /**
   * A bot whose Web API calls (and Socket Mode's {@code apps.connections.open}) go where {@code
   * apiConfig} says; tests point it at a local fake Slack.
   */
  public SlackBot(
      SlackConfig config,
      MediaConfig media,
      ConversationHandler conversation,
      ChatPorts chats,
      SeenKeys seen,
      com.slack.api.SlackConfig apiConfig) {
    this(config, media, conversation, chats, seen, apiConfig, SlackApi.Retry.defaults());
  }

  SlackBot(
      SlackConfig config,
      MediaConfig media,
      ConversationHandler conversation,
      ChatPorts chats,
      SeenKeys seen,
      com.slack.api.SlackConfig apiConfig,
      SlackApi.Retry retry) {
    this.config = requireNonNull(config, "config is null");
    requireNonNull(media, "media is null");
    requireNonNull(conversation, "conversation is null");
    this.chats = requireNonNull(chats, "chats is null");
    requireNonNull(apiConfig, "apiConfig is null");
    this.seen = requireNonNull(seen, "seen is null");
    if (!config.enabled()) {
      throw new IllegalArgumentException("slack.bot-token (SLACK_BOT_TOKEN) is not set");
    }
    this.clock = Clock.systemUTC();
    String botToken = config.botToken().reveal();
    this.slack = Slack.getInstance(apiConfig);
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    SlackApi api = new SlackApi(slack.methods(botToken), retry);
    this.chat = new SlackChat(api, http);
    this.files = new SlackFiles(api, botToken, http, media.downloadTimeout());
    this.queue = new WorkQueue(THREADS);
    UserDirectory users =
        new UserDirectory(api, new HashSet<>(config.adminUserIds()), USER_CACHE, clock);
    ThreadCommands commands = new ThreadCommands(conversation, users, chat);
    EventHandlers events =
        new EventHandlers(
            conversation,
            users,
            chat,
            files,
            commands,
            queue,
            new SeenEvents(seen, clock),
            media.maxVideoSize().bytes(),
            media.maxImageSize().bytes());
    ButtonActions buttons = new ButtonActions(conversation, users, chat, api, queue);
    SlashCommands slash = new SlashCommands(conversation, users, chat, queue);

    AppConfig appConfig =
        AppConfig.builder()
            .slack(slack)
            .singleTeamBotToken(botToken)
            .signingSecret(http() ? config.signingSecret().reveal() : null)
            .requestVerificationEnabled(true)
            .allEventsApiAutoAckEnabled(true)
            .build();
    this.app = new App(appConfig);
    app.event(AppMentionEvent.class, events::onMention);
    app.event(MessageEvent.class, events::onMessage);
    app.event(MessageThreadBroadcastEvent.class, events::onThreadBroadcast);
    app.event(MessageFileShareEvent.class, events::onFileShare);
    app.command(SlashCommands.COMMAND, slash::onCommand);
    app.blockAction(Pattern.compile(".+"), buttons::onAction);
    app.viewSubmission(BlockKit.FORM_MODAL, buttons::onFormSubmitted);
    this.httpHandler = http() ? new SlackHttpHandler(app, () -> started) : null;
  }

  private boolean http() {
    return config.mode().equals("http");
  }

  /**
   * Starts the bot: checks the token with Slack, connects in Socket Mode (or, in HTTP mode, only
   * readies the handler), and registers the chat port so results reach Slack.
   *
   * @throws IllegalStateException when Slack refuses the token or the connection
   */
  public synchronized void start() {
    if (started) {
      return;
    }
    if (closed) {
      throw new IllegalStateException("the Slack bot was closed");
    }
    try {
      if (http()) {
        app.use(new ReplayGuard(clock, new SeenEvents(seen, clock)));
        app.start();
      } else {
        socketMode =
            new SocketModeApp(
                config.appToken().reveal(), app, SocketModeClient.Backend.JavaWebSocket);
        socketMode.startAsync();
      }
    } catch (Exception e) {
      throw new IllegalStateException(
          "Slack did not accept the bot ("
              + (http() ? e.getMessage() : socketProblem(e))
              + "). Check SLACK_BOT_TOKEN (xoxb-...)"
              + (http() ? "" : " and SLACK_APP_TOKEN (xapp-..., with connections:write)")
              + ".",
          e);
    }
    chats.register(chat);
    started = true;
    LOG.info("Slack bot started ({} mode)", http() ? "HTTP" : "Socket");
  }

  /** Why Socket Mode did not connect: Bolt only logs a refused app token, so ask Slack once. */
  private String socketProblem(Exception e) {
    SlackApi.Retry once = new SlackApi.Retry(1, Duration.ZERO, Duration.ZERO, d -> {});
    try {
      new SlackApi(slack.methods(config.appToken().reveal()), once)
          .call("apps.connections.open", c -> c.appsConnectionsOpen(r -> r));
      return String.valueOf(e.getMessage());
    } catch (RuntimeException refused) {
      return "SLACK_APP_TOKEN: " + refused.getMessage();
    }
  }

  /** The handler for Slack's requests in HTTP mode; empty in Socket Mode. */
  public Optional<SlackHttpHandler> httpHandler() {
    return Optional.ofNullable(httpHandler);
  }

  /** Disconnects, finishes the work in progress (up to 10 seconds) and frees resources. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    started = false;
    if (socketMode != null) {
      try {
        socketMode.close();
      } catch (Exception e) {
        LOG.warn("Closing the Socket Mode connection failed: {}", e.getMessage());
      }
    }
    app.stop();
    queue.close();
    files.close();
    try {
      slack.close();
    } catch (Exception e) {
      LOG.debug("Closing the Slack client failed: {}", e.getMessage());
    }
  }
}
