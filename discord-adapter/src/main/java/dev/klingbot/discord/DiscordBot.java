package dev.klingbot.discord;

import static java.util.Objects.requireNonNull;

import dev.klingbot.config.DiscordConfig;
import dev.klingbot.core.chat.ChatPorts;
import dev.klingbot.core.chat.ConnectRetry;
import dev.klingbot.core.chat.PlatformConnectException;
import dev.klingbot.core.conversation.ConversationHandler;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.requests.GatewayIntent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Discord bot: connects with the bot token (no privileged intents; slash commands, buttons and
 * modals need none), registers {@code /kling} and {@code /kling-admin} (globally, or to one server
 * for development), maps interactions onto the core's {@link ConversationHandler}, and registers
 * its {@link dev.klingbot.core.chat.ChatPort} so the core's job runner can post progress and
 * results into edit threads.
 */
public final class DiscordBot implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DiscordBot.class);
  private static final int WORKERS = 8;
  private static final int QUICK_WORKERS = 2;
  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

  private final DiscordConfig config;
  private final ConversationHandler conversation;
  private final ChatPorts chats;
  private final UnaryOperator<JDABuilder> connection;
  private final ConnectRetry connectRetry;
  private ExecutorService workers;
  private ExecutorService quick;
  private JDA jda;
  private volatile boolean closed;

  public DiscordBot(DiscordConfig config, ConversationHandler conversation, ChatPorts chats) {
    this(config, conversation, chats, UnaryOperator.identity());
  }

  DiscordBot(
      DiscordConfig config,
      ConversationHandler conversation,
      ChatPorts chats,
      UnaryOperator<JDABuilder> connection) {
    this(config, conversation, chats, connection, ConnectRetry.standard());
  }

  /**
   * @param connection adjusts the JDA builder before it connects (tests point it at a fake Discord:
   *     REST base URL, gateway URL, no compression); it is applied before each attempt
   * @param connectRetry how {@link #start()} waits while Discord cannot be reached (tests step it)
   */
  DiscordBot(
      DiscordConfig config,
      ConversationHandler conversation,
      ChatPorts chats,
      UnaryOperator<JDABuilder> connection,
      ConnectRetry connectRetry) {
    this.connectRetry = requireNonNull(connectRetry, "connectRetry is null");
    this.connection = requireNonNull(connection, "connection is null");
    this.config = requireNonNull(config, "config is null");
    this.conversation = requireNonNull(conversation, "conversation is null");
    this.chats = requireNonNull(chats, "chats is null");
  }

  /**
   * Logs in, waits until Discord is ready, registers the commands and the chat port. While Discord
   * cannot be reached (no network, a name that does not resolve, a refused or timed-out connection)
   * it logs one line per attempt and tries again with growing waits, until Discord answers or the
   * bot is closed.
   *
   * @throws PlatformConnectException when Discord refuses the token; the message names the setting
   * @throws IllegalStateException when no token is configured, the bot was started already or
   *     closed, or Discord failed in another way (the message says why)
   */
  public void start() {
    if (!config.enabled()) {
      throw new IllegalStateException("Discord is not configured: set DISCORD_TOKEN");
    }
    synchronized (this) {
      if (jda != null) {
        throw new IllegalStateException("the Discord bot is already started");
      }
    }
    connectRetry.connect(
        "Discord",
        () -> {
          startOnce();
          return this;
        });
    LOG.info(
        "Discord bot {} is ready in {} servers; invite it to another with {}",
        jda().getSelfUser().getName(),
        jda().getGuildCache().size(),
        BotPermissions.inviteUrl(jda().getSelfUser().getApplicationId()));
  }

  private synchronized void startOnce() {
    if (closed) {
      throw new IllegalStateException("the Discord bot was closed");
    }
    if (workers == null) {
      workers = pool("discord-worker", WORKERS);
      quick = pool("discord-quick", QUICK_WORKERS);
    }
    try {
      jda =
          connection
              .apply(
                  JDABuilder.createLight(
                      config.token().reveal(), EnumSet.noneOf(GatewayIntent.class)))
              .build();
      jda.awaitReady();
      JdaGateway gateway = new JdaGateway(jda);
      MessageRenderer renderer = new MessageRenderer();
      DiscordChat chat = new DiscordChat(gateway, renderer);
      jda.addEventListener(listener(conversation, renderer, workers, quick));
      registerCommands();
      chats.register(chat);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("interrupted while connecting to Discord", e);
    } catch (InvalidTokenException e) {
      close();
      throw PlatformConnectException.refused(StartMessages.tokenRefused(), e);
    } catch (RuntimeException e) {
      Optional<String> network = PlatformConnectException.networkProblem(e);
      if (network.isPresent()) {
        disconnect();
        throw PlatformConnectException.unreachable(network.get(), e);
      }
      close();
      throw new IllegalStateException("could not start the Discord bot: " + e.getMessage(), e);
    }
  }

  /** The connected JDA, for tests that look at its cache; {@code null} before {@link #start()}. */
  synchronized JDA jda() {
    return jda;
  }

  /** The listener with its handlers, as {@link #start()} wires it (tests wire it the same way). */
  static DiscordListener listener(
      ConversationHandler conversation,
      MessageRenderer renderer,
      Executor executor,
      Executor quick) {
    return new DiscordListener(
        conversation, new EditSuggestions(conversation), renderer, executor, quick);
  }

  private void registerCommands() {
    if (config.devGuildId() != null) {
      Guild guild = jda.getGuildById(config.devGuildId());
      if (guild != null) {
        guild.updateCommands().addCommands(KlingCommands.all()).complete();
        LOG.info("Registered the slash commands in the development server {}", guild.getName());
        return;
      }
      LOG.warn(
          "DISCORD_DEV_GUILD_ID {} is not a server the bot is in; registering the commands"
              + " globally instead",
          config.devGuildId());
    }
    jda.updateCommands().addCommands(KlingCommands.all()).complete();
    LOG.info("Registered the slash commands globally (new servers may take a while to see them)");
  }

  private static ExecutorService pool(String name, int threads) {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory =
        task -> {
          Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    return new ThreadPoolExecutor(
        threads,
        threads,
        60,
        TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(1000),
        factory,
        new ThreadPoolExecutor.AbortPolicy());
  }

  /** Disconnects from Discord and stops the workers (edits in progress resume after a restart). */
  @Override
  public synchronized void close() {
    closed = true;
    disconnect();
    workers = stop(workers);
    quick = stop(quick);
  }

  private void disconnect() {
    if (jda != null) {
      jda.shutdown();
      try {
        if (!jda.awaitShutdown(SHUTDOWN_WAIT)) {
          jda.shutdownNow();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        jda.shutdownNow();
      }
      jda = null;
    }
  }

  private static ExecutorService stop(ExecutorService pool) {
    if (pool != null) {
      pool.shutdown();
      try {
        pool.awaitTermination(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      pool.shutdownNow();
    }
    return null;
  }
}
