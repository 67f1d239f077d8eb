package dev.klingbot.benchmarks.load;

import com.google.inject.Injector;
import dev.klingbot.app.http.AppHttpServer;
import dev.klingbot.app.http.SlackRoute;
import dev.klingbot.app.wiring.AppOptions;
import dev.klingbot.app.wiring.HttpService;
import dev.klingbot.app.wiring.Injection;
import dev.klingbot.app.wiring.Lifecycle;
import dev.klingbot.app.wiring.Logging;
import dev.klingbot.config.ConfigLoader;
import dev.klingbot.config.KlingbotConfig;
import dev.klingbot.core.Platform;
import dev.klingbot.core.chat.ChatPorts;
import dev.klingbot.core.conversation.ConversationHandler;
import dev.klingbot.core.store.Database;
import dev.klingbot.core.store.SeenEventStore;
import dev.klingbot.core.workflow.JobRunner;
import dev.klingbot.slack.SlackBot;
import dev.klingbot.slack.SlackHttpHandler;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/**
 * The measured process of {@code benchmarks/run load}: the bot as {@code klingbot run} wires it
 * (the same injector, HTTP server, job runner and Slack adapter in HTTP mode), configured through
 * the environment like the real command, with one difference: Slack's Web API is the fake Slack
 * whose port is the first argument. It runs from the app's own jar, started by {@link
 * LoadBenchmark} with {@code -Xmx256m}.
 *
 * <p>It prints {@code ready port=<http port> heap_max_bytes=<Runtime.maxMemory>} once it serves,
 * then reads commands on stdin: {@code gc} (a full collection, answered {@code gc done}) and {@code
 * stop}.
 */
public final class LoadBot {
  private LoadBot() {}

  public static void main(String[] args) throws Exception {
    int slackPort = Integer.parseInt(args[0]);
    KlingbotConfig config = new ConfigLoader().load(null, System.getenv()).config();
    Logging.configure(config.logging());
    try (Lifecycle lifecycle = new Lifecycle()) {
      Injector injector = Injection.create(config, AppOptions.standard(), lifecycle);
      AppHttpServer server = Injection.get(injector, HttpService.class).start();
      JobRunner runner = Injection.get(injector, JobRunner.class);
      ChatPorts chats = Injection.get(injector, ChatPorts.class);
      ConversationHandler conversation = Injection.get(injector, ConversationHandler.class);
      com.slack.api.SlackConfig fakeSlack = new com.slack.api.SlackConfig();
      fakeSlack.setMethodsEndpointUrlPrefix(
          "http://"
              + InetAddress.getLoopbackAddress().getHostAddress()
              + ":"
              + slackPort
              + "/api/");
      SlackBot slack =
          lifecycle.manage(
              new SlackBot(
                  config.slack(),
                  config.media(),
                  conversation,
                  chats,
                  new SeenEventStore(Injection.get(injector, Database.class))::firstTime,
                  fakeSlack));
      slack
          .httpHandler()
          .ifPresent(handler -> server.route(SlackHttpHandler.PATH, new SlackRoute(handler)));
      slack.start();
      runner.follow(Platform.SLACK);
      runner.start();
      System.out.println(
          "ready port=" + server.port() + " heap_max_bytes=" + Runtime.getRuntime().maxMemory());
      System.out.flush();
      BufferedReader commands =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line;
      while ((line = commands.readLine()) != null && !line.equals("stop")) {
        if (line.equals("jit")) {
          System.out.println(
              "jit compile_ms="
                  + ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
          System.out.flush();
        } else if (line.equals("gc")) {
          System.gc();
          System.out.println(
              "gc done heap_used_bytes="
                  + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
          System.out.flush();
        }
      }
    }
  }
}
