package dev.klingbot.app.cli;

import com.google.inject.Injector;
import dev.klingbot.app.console.ConsoleChat;
import dev.klingbot.app.console.ConsoleSession;
import dev.klingbot.app.wiring.AppOptions;
import dev.klingbot.app.wiring.Injection;
import dev.klingbot.app.wiring.Lifecycle;
import dev.klingbot.app.wiring.Logging;
import dev.klingbot.app.wiring.Simulation;
import dev.klingbot.config.KlingbotConfig;
import dev.klingbot.core.Platform;
import dev.klingbot.core.admin.AdminCommands;
import dev.klingbot.core.admin.AdminService;
import dev.klingbot.core.chat.ChatPorts;
import dev.klingbot.core.workflow.Workflow;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code klingbot console}: a terminal chat with the bot, through the same workflow as Discord and
 * Slack.
 */
@Command(
    name = "console",
    mixinStandardHelpOptions = true,
    description = {
      "Chat with the bot in the terminal: start an edit, mark the element, preview, submit, get the result.",
      "With --simulate, Kling is the built-in simulator and nothing leaves this machine."
    })
public final class ConsoleCommand implements Callable<Integer> {
  @Mixin ConfigOptions configOptions;

  @Option(
      names = "--simulate",
      description = "Use the embedded Kling simulator (no account needed).")
  boolean simulate;

  @Option(
      names = "--task-seconds",
      defaultValue = "8",
      description = "With --simulate: how long a simulated task takes (default ${DEFAULT-VALUE}).")
  int taskSeconds;

  @Option(names = "--user", description = "Your name in the console (default: $USER).")
  String user;

  @Override
  public Integer call() throws Exception {
    KlingbotConfig config = configOptions.load().config();
    Path log = Path.of(config.media().workDir()).resolveSibling("klingbot.log");
    Logging.toFile(log);
    try (Lifecycle lifecycle = new Lifecycle()) {
      AppOptions options = AppOptions.standard();
      if (simulate) {
        config =
            Simulation.start(config, Duration.ofSeconds(Math.max(1, taskSeconds)), lifecycle)
                .config();
        options = AppOptions.local();
      }
      Injector injector = Injection.create(config, options, lifecycle);
      ConsoleChat chat = new ConsoleChat(System.out);
      Injection.get(injector, ChatPorts.class).register(chat);
      Workflow workflow = Injection.get(injector, Workflow.class);
      workflow.runner().follow(Platform.CONSOLE).start();
      AdminCommands admin = new AdminCommands(Injection.get(injector, AdminService.class));
      String name = user != null ? user : System.getProperty("user.name", "you");
      if (simulate) {
        chat.info(
            "Using the built-in Kling simulator (simulated tasks take "
                + taskSeconds
                + " s). Logs: "
                + log);
      } else {
        chat.info("Using Kling at " + config.kling().baseUrl() + ". Logs: " + log);
      }
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      new ConsoleSession(workflow.service(), admin, chat, name).run(in, System.console() != null);
    }
    return 0;
  }
}
