package dev.klingbot.app.cli;

import com.google.inject.Injector;
import dev.klingbot.app.http.AppHttpServer;
import dev.klingbot.app.http.SlackRoute;
import dev.klingbot.app.wiring.AppOptions;
import dev.klingbot.app.wiring.HttpService;
import dev.klingbot.app.wiring.Injection;
import dev.klingbot.app.wiring.Lifecycle;
import dev.klingbot.app.wiring.Logging;
import dev.klingbot.app.wiring.Simulation;
import dev.klingbot.config.ConfigException;
import dev.klingbot.config.KlingbotConfig;
import dev.klingbot.core.Platform;
import dev.klingbot.core.chat.ChatPorts;
import dev.klingbot.core.chat.SharedFiles;
import dev.klingbot.core.conversation.ConversationHandler;
import dev.klingbot.core.relay.MediaRelay;
import dev.klingbot.core.relay.MediaStore;
import dev.klingbot.core.store.Database;
import dev.klingbot.core.store.SeenEventStore;
import dev.klingbot.core.store.ServerShards;
import dev.klingbot.core.workflow.JobRunner;
import dev.klingbot.discord.DiscordBot;
import dev.klingbot.slack.SlackBot;
import dev.klingbot.slack.SlackHttpHandler;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code klingbot run}: the bot itself. Starts the HTTP server (Kling callbacks, media relay,
 * selection page, Slack's HTTP mode), the job runner, and every chat adapter whose token is
 * configured; runs until stopped (Ctrl-C or SIGTERM), then shuts down cleanly. Open edits are
 * resumed at the next start.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Run the bot: Discord and/or Slack (whichever tokens are set), the job runner and the HTTP server.")
public final class RunCommand implements Callable<Integer> {
  @Mixin ConfigOptions configOptions;

  @Spec CommandSpec spec;

  @Option(
      names = "--simulate",
      description =
          "Use the embedded Kling simulator instead of the real Kling (to try the chat side without an account).")
  boolean simulate;

  @Override
  public Integer call() throws Exception {
    KlingbotConfig config = configOptions.load().config();
    Logging.configure(config.logging());
    PrintWriter out = spec.commandLine().getOut();
    if (!config.discord().enabled() && !config.slack().enabled()) {
      throw new ConfigException(
          "",
          "nothing to run: set DISCORD_TOKEN for Discord and/or SLACK_BOT_TOKEN (+ SLACK_APP_TOKEN) for Slack; `./klingbot console --simulate` tries the bot without either");
    }
    CountDownLatch stopped = new CountDownLatch(1);
    try (Lifecycle lifecycle = new Lifecycle()) {
      KlingbotConfig effective =
          simulate ? Simulation.start(config, Duration.ofSeconds(15), lifecycle).config() : config;
      Injector injector =
          Injection.create(
              effective, simulate ? AppOptions.local() : AppOptions.standard(), lifecycle);
      AppHttpServer server = Injection.get(injector, HttpService.class).start();
      JobRunner runner = Injection.get(injector, JobRunner.class);
      ChatPorts chats = Injection.get(injector, ChatPorts.class);
      ConversationHandler conversation = Injection.get(injector, ConversationHandler.class);
      List<String> running = new ArrayList<>();
      PlatformStarts starts = new PlatformStarts(stopped);
      if (effective.discord().enabled()) {
        DiscordBot discord =
            lifecycle.manage(new DiscordBot(effective.discord(), conversation, chats));
        // a process running some of Discord's shards follows the edits of their servers only
        ServerShards shards =
            effective.discord().shards() == null
                ? ServerShards.ALL
                : new ServerShards(
                    effective.discord().shardTotal(), effective.discord().shardIds());
        starts.start("Discord", discord::start, () -> runner.follow(Platform.DISCORD, shards));
        running.add("Discord");
      }
      if (effective.slack().enabled()) {
        SlackBot slack =
            lifecycle.manage(
                new SlackBot(
                    effective.slack(),
                    effective.media(),
                    conversation,
                    chats,
                    new SeenEventStore(Injection.get(injector, Database.class))::firstTime,
                    slackApi(effective),
                    Injection.get(injector, SharedFiles.class)));
        slack
            .httpHandler()
            .ifPresent(handler -> server.route(SlackHttpHandler.PATH, new SlackRoute(handler)));
        starts.start("Slack", slack::start, () -> runner.follow(Platform.SLACK));
        running.add("Slack (" + effective.slack().mode() + " mode)");
      }
      lifecycle.manage(starts);
      runner.start();
      out.println(
          "Kling Edit Bot is running: "
              + String.join(", ", running)
              + ". HTTP server on port "
              + server.port()
              + ".");
      if (!Injection.get(injector, MediaRelay.class).available()) {
        out.println(
            Injection.get(injector, MediaStore.class).shared()
                ? "Note: http.public-base-url is not set, so callbacks are off (the bot polls) and the selection web page is not offered; Kling fetches files from the media bucket."
                : "Note: http.public-base-url is not set, so Kling cannot download Slack uploads or files the bot fixed, callbacks are off (the bot polls), and the selection web page is not offered.");
      }
      out.println("Press Ctrl-C to stop.");
      out.flush();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    lifecycle.close();
                    stopped.countDown();
                  },
                  "klingbot-shutdown"));
      stopped.await();
      Optional<RuntimeException> failure = starts.failure();
      if (failure.isPresent()) {
        throw failure.get();
      }
    }
    return 0;
  }

  /** The Slack SDK's settings: the Web API at {@code slack.api-url}. */
  private static com.slack.api.SlackConfig slackApi(KlingbotConfig config) {
    com.slack.api.SlackConfig api = new com.slack.api.SlackConfig();
    api.setMethodsEndpointUrlPrefix(config.slack().apiUrl() + "/");
    return api;
  }
}
