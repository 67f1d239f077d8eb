package dev.klingbot.discord;

import static java.util.Objects.requireNonNull;

import dev.klingbot.config.DiscordConfig;
import dev.klingbot.config.ShardSelection;
import dev.klingbot.core.chat.ChatPorts;
import dev.klingbot.core.chat.ConnectRetry;
import dev.klingbot.core.chat.PlatformConnectException;
import dev.klingbot.core.chat.WorkQueue;
import dev.klingbot.core.conversation.ConversationHandler;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.MiscUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Discord bot: connects with the bot token (no privileged intents; slash commands, buttons and
 * modals need none) through JDA's shard manager, running the shards {@code discord.shards} names of
 * {@code discord.shard-total} (by default all the shards Discord recommends, in this one process),
 * registers {@code /kling} and {@code /kling-admin} (globally, or to one server for development),
 * maps interactions onto the core's {@link ConversationHandler}, and registers its {@link
 * dev.klingbot.core.chat.ChatPort} so the core's job runner can post progress and results into edit
 * threads.
 */
public final class DiscordBot implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DiscordBot.class);
  private static final int WORKERS = 8;
  private static final int QUICK_WORKERS = 2;
  private static final int QUEUED = 1000;
  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

  private final DiscordConfig config;
  private final ConversationHandler conversation;
  private final ChatPorts chats;
  private final UnaryOperator<DefaultShardManagerBuilder> connection;
  private final ConnectRetry connectRetry;
  private WorkQueue workers;
  private WorkQueue quick;
  private ShardManager shards;
  private volatile boolean closed;

  public DiscordBot(DiscordConfig config, ConversationHandler conversation, ChatPorts chats) {
    this(config, conversation, chats, UnaryOperator.identity());
  }

  DiscordBot(
      DiscordConfig config,
      ConversationHandler conversation,
      ChatPorts chats,
      UnaryOperator<DefaultShardManagerBuilder> connection) {
    this(config, conversation, chats, connection, ConnectRetry.standard());
  }

  /**
   * @param connection adjusts the shard manager builder before it connects (tests point it at a
   *     fake Discord: REST base URL, no compression); it is applied before each attempt
   * @param connectRetry how {@link #start()} waits while Discord cannot be reached (tests step it)
   */
  DiscordBot(
      DiscordConfig config,
      ConversationHandler conversation,
      ChatPorts chats,
      UnaryOperator<DefaultShardManagerBuilder> connection,
      ConnectRetry connectRetry) {
    this.connectRetry = requireNonNull(connectRetry, "connectRetry is null");
    this.connection = requireNonNull(connection, "connection is null");
    this.config = requireNonNull(config, "config is null");
    this.conversation = requireNonNull(conversation, "conversation is null");
    this.chats = requireNonNull(chats, "chats is null");
  }

  /**
   * Logs in, waits until each of this process's shards is ready, registers the commands and the
   * chat port. While Discord cannot be reached (no network, a name that does not resolve, a refused
   * or timed-out connection) it logs one line per attempt and tries again with growing waits, until
   * Discord answers or the bot is closed.
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
      if (shards != null) {
        throw new IllegalStateException("the Discord bot is already started");
      }
    }
    connectRetry.connect(
        "Discord",
        () -> {
          startOnce();
          return this;
        });
    JDA first = shards().getShards().get(0);
    LOG.info(
        "Discord bot {} is ready in {} servers on shards {} of {}; invite it to another with {}",
        first.getSelfUser().getName(),
        shards().getGuildCache().size(),
        ShardSelection.describe(runningShards()),
        shards().getShardsTotal(),
        BotPermissions.inviteUrl(first.getSelfUser().getApplicationId()));
  }

  private synchronized void startOnce() {
    if (closed) {
      throw new IllegalStateException("the Discord bot was closed");
    }
    if (workers == null) {
      workers = new WorkQueue("discord-worker", WORKERS, QUEUED);
      quick = new WorkQueue("discord-quick", QUICK_WORKERS, QUEUED);
    }
    try {
      ShardsReady ready = new ShardsReady();
      DefaultShardManagerBuilder builder =
          DefaultShardManagerBuilder.createLight(
                  config.token().reveal(), EnumSet.noneOf(GatewayIntent.class))
              .addEventListeners(ready);
      if (config.shardTotal() > 0) {
        builder.setShardsTotal(config.shardTotal()).setShards(config.shardIds());
      }
      // the first shard logs in here (a refused token or an unreachable Discord throws), the
      // others in the background
      shards = connection.apply(builder).build(false);
      shards.login();
      ready.await(runningShards());
      JdaGateway gateway = new JdaGateway(shards);
      MessageRenderer renderer = new MessageRenderer();
      DiscordChat chat = new DiscordChat(gateway, renderer);
      shards.addEventListener(listener(conversation, renderer, workers, quick));
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

  /**
   * The connected shards, for tests that look at their cache; {@code null} before {@link #start()}.
   */
  synchronized ShardManager shards() {
    return shards;
  }

  /** The shard ids this process runs: the configured ones, or all of the total. */
  private List<Integer> runningShards() {
    List<Integer> configured = config.shardIds();
    return configured.isEmpty()
        ? IntStream.range(0, shards.getShardsTotal()).boxed().toList()
        : configured;
  }

  /** The listener with its handlers, as {@link #start()} wires it (tests wire it the same way). */
  static DiscordListener listener(
      ConversationHandler conversation,
      MessageRenderer renderer,
      Executor executor,
      Executor quick) {
    return new DiscordListener(conversation, renderer, executor, quick);
  }

  private void registerCommands() {
    JDA first = shards.getShards().get(0);
    if (config.devGuildId() != null) {
      int home = MiscUtil.getShardForGuild(config.devGuildId(), shards.getShardsTotal());
      if (!runningShards().contains(home)) {
        LOG.info(
            "The development server {} is on shard {}; the process running that shard registers"
                + " the slash commands there",
            config.devGuildId(),
            home);
        return;
      }
      Guild guild = shards.getGuildById(config.devGuildId());
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
    // commands belong to the application, not to a shard: any shard registers them for all
    first.updateCommands().addCommands(KlingCommands.all()).complete();
    LOG.info("Registered the slash commands globally (new servers may take a while to see them)");
  }

  /** Disconnects from Discord and stops the workers (edits in progress resume after a restart). */
  @Override
  public synchronized void close() {
    closed = true;
    disconnect();
    if (workers != null) {
      workers.close();
      quick.close();
      workers = null;
      quick = null;
    }
  }

  private void disconnect() {
    if (shards != null) {
      // no shard cache yet when the first login failed before Discord told the shard total
      List<JDA> running = shards.getShardCache() == null ? List.of() : shards.getShards();
      shards.shutdown();
      try {
        for (JDA shard : running) {
          if (!shard.awaitShutdown(SHUTDOWN_WAIT)) {
            shard.shutdownNow();
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running.forEach(JDA::shutdownNow);
      }
      shards = null;
    }
  }
}
