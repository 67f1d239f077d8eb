package dev.klingbot.slack;

import static java.util.Objects.requireNonNull;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import com.slack.api.socket_mode.SocketModeClient;
import dev.klingbot.config.MediaConfig;
import dev.klingbot.config.SlackConfig;
import dev.klingbot.core.chat.ChatPorts;
import dev.klingbot.core.chat.ConnectRetry;
import dev.klingbot.core.chat.PlatformConnectException;
import dev.klingbot.core.chat.SharedFiles;
import dev.klingbot.core.chat.WorkQueue;
import dev.klingbot.core.conversation.ConversationHandler;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.function.Function;
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
  private final ConnectRetry connectRetry;
  private SocketModeApp socketMode;
  private boolean guarded;
  private volatile boolean started;
  private volatile boolean closed;

  /**
   * A bot whose Web API calls (and Socket Mode's {@code apps.connections.open}) go where {@code
   * apiConfig} says (slack.com by default; tests point it at a local fake Slack).
   *
   * @param seen where the events and signed requests already handled are remembered: the database's
   *     {@code SeenEventStore::firstTime}, so that Slack's retries after a restart are recognised
   */
  public SlackBot(
      SlackConfig config,
      MediaConfig media,
      ConversationHandler conversation,
      ChatPorts chats,
      SeenKeys seen,
      com.slack.api.SlackConfig apiConfig) {
    this(
        config,
        media,
        conversation,
        chats,
        seen,
        apiConfig,
        SlackApi.Retry.defaults(),
        ConnectRetry.standard());
  }

  /**
   * @param connectRetry how {@link #start()} waits while Slack cannot be reached (tests step it)
   */
  SlackBot(
      SlackConfig config,
      MediaConfig media,
      ConversationHandler conversation,
      ChatPorts chats,
      SeenKeys seen,
      com.slack.api.SlackConfig apiConfig,
      SlackApi.Retry retry,
      ConnectRetry connectRetry) {
    this.connectRetry = requireNonNull(connectRetry, "connectRetry is null");
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
    withoutSdkStats(apiConfig);
    this.slack = Slack.getInstance(apiConfig);
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    SlackApi api = new SlackApi(slack.methods(botToken), retry);
    this.chat = new SlackChat(api, http);
    // https links on public addresses; a fake Slack in tests serves its files where it answers
    SharedFiles shared =
        SharedFiles.forPlatform(apiConfig.getMethodsEndpointUrlPrefix(), media.downloadTimeout());
    this.files = new SlackFiles(api, botToken, shared);
    this.queue = new WorkQueue("klingbot-slack", THREADS, Integer.MAX_VALUE);
    UserDirectory users =
        new UserDirectory(api, new HashSet<>(config.adminUserIds()), USER_CACHE, clock);
    EventHandlers events =
        new EventHandlers(
            conversation,
            users,
            chat,
            files,
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

  /**
   * Turns off the SDK's own rate-limit statistics: they resolve the team with an extra {@code
   * auth.test} per token, which logs an error with a stack trace whenever Slack cannot be reached
   * (the bot reports that itself, in one line per attempt).
   */
  private static void withoutSdkStats(com.slack.api.SlackConfig apiConfig) {
    try {
      apiConfig.setStatsEnabled(false);
    } catch (UnsupportedOperationException e) {
      LOG.debug("The Slack SDK configuration is read-only; its statistics stay on");
    }
  }

  private boolean http() {
    return config.mode().equals("http");
  }

  /**
   * Starts the bot: checks the tokens with Slack ({@code auth.test}, and in Socket Mode {@code
   * apps.connections.open}), connects in Socket Mode (or, in HTTP mode, only readies the handler),
   * and registers the chat port so results reach Slack. While Slack cannot be reached (no network,
   * {@code slack.com} does not resolve, the connection is refused or times out) it logs one line
   * per attempt and tries again with growing waits, until Slack answers or the bot is closed.
   *
   * @throws PlatformConnectException when Slack refuses a token; the message names the setting
   * @throws IllegalStateException when the bot is closed before Slack answered
   */
  public void start() {
    connectRetry.connect(
        "Slack",
        () -> {
          startOnce();
          return this;
        });
  }

  private synchronized void startOnce() {
    if (started) {
      return;
    }
    if (closed) {
      throw new IllegalStateException("the Slack bot was closed");
    }
    checkToken(
        "auth.test",
        config.botToken().reveal(),
        c -> c.authTest(r -> r),
        StartMessages::botTokenRefused);
    if (!http()) {
      checkToken(
          "apps.connections.open",
          config.appToken().reveal(),
          c -> c.appsConnectionsOpen(r -> r),
          StartMessages::appTokenRefused);
    }
    try {
      if (http()) {
        if (!guarded) {
          app.use(new ReplayGuard(clock, new SeenEvents(seen, clock)));
          guarded = true;
        }
        app.start();
      } else {
        socketMode =
            new SocketModeApp(
                config.appToken().reveal(), app, SocketModeClient.Backend.JavaWebSocket);
        socketMode.startAsync();
      }
    } catch (Exception e) {
      closeSocketMode();
      Optional<String> network = PlatformConnectException.networkProblem(e);
      if (network.isPresent()) {
        throw PlatformConnectException.unreachable(network.get(), e);
      }
      throw new IllegalStateException(
          "Slack did not accept the bot ("
              + e.getMessage()
              + "). Check SLACK_BOT_TOKEN (xoxb-...)"
              + (http() ? "" : " and SLACK_APP_TOKEN (xapp-..., with connections:write)")
              + ".",
          e);
    }
    chats.register(chat);
    started = true;
    LOG.info("Slack bot started ({} mode)", http() ? "HTTP" : "Socket");
  }

  /**
   * Asks Slack once whether it takes {@code token}: no answer is "unreachable" (tried again), a
   * server error or rate limit likewise, any other refusal is final and names the setting.
   */
  private void checkToken(
      String method,
      String token,
      SlackApi.Call<? extends SlackApiTextResponse> call,
      Function<String, String> refused) {
    SlackApiTextResponse response;
    try {
      response = call.run(slack.methods(token));
    } catch (IOException e) {
      throw PlatformConnectException.unreachable(
          PlatformConnectException.networkProblem(e).orElse("network error"), e);
    } catch (SlackApiException e) {
      int status = e.getResponse() == null ? 0 : e.getResponse().code();
      String error =
          e.getError() != null && e.getError().getError() != null
              ? e.getError().getError()
              : "HTTP " + status;
      if (status == 429 || status >= 500) {
        throw PlatformConnectException.unreachable(StartMessages.busy(error), e);
      }
      throw PlatformConnectException.refused(refused.apply(error), e);
    }
    if (response == null) {
      throw PlatformConnectException.unreachable(StartMessages.busy("nothing"), null);
    }
    if (!response.isOk()) {
      String error = String.valueOf(response.getError());
      if (SlackApi.RETRYABLE_ERRORS.contains(error)) {
        throw PlatformConnectException.unreachable(StartMessages.busy(error), null);
      }
      throw PlatformConnectException.refused(refused.apply(error), null);
    }
    LOG.debug("Slack {} accepted the token", method);
  }

  private void closeSocketMode() {
    if (socketMode != null) {
      try {
        socketMode.close();
      } catch (Exception e) {
        LOG.warn("Closing the Socket Mode connection failed: {}", e.getMessage());
      }
      socketMode = null;
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
    closeSocketMode();
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
