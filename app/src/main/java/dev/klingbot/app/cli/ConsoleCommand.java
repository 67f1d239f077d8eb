package dev.klingbot.app.cli;

import dev.klingbot.app.console.ConsoleApp;
import dev.klingbot.app.console.LineEditor;
import dev.klingbot.app.wiring.Logging;
import dev.klingbot.config.KlingbotConfig;
import dev.klingbot.core.i18n.Lang;
import dev.klingbot.core.i18n.Messages;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
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
      "With --simulate, Kling is the built-in simulator and nothing leaves this machine.",
      "In a terminal: ↑/↓ recall earlier lines, Ctrl-C cancels the line (twice, or Ctrl-D, leaves)."
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

  @Option(
      names = "--language",
      paramLabel = "en|zh",
      description =
          "The language the bot speaks: en (English) or zh (Chinese); default: the language key"
              + " (en). `admin language set zh|en` changes it for the console too.")
  String language;

  @Override
  public Integer call() throws Exception {
    KlingbotConfig loaded = configOptions.load().config();
    KlingbotConfig config = language == null ? loaded : loaded.withLanguage(language);
    Messages.setDefault(Lang.of(config.language()).orElse(Lang.EN));
    Logging.configure(config.logging());
    Path log =
        Path.of(config.media().workDir())
            .toAbsolutePath()
            .normalize()
            .resolveSibling("klingbot.log");
    Logging.toFile(log);
    String name = user != null ? user : System.getProperty("user.name", "you");
    Duration taskTime = Duration.ofSeconds(Math.max(1, taskSeconds));
    String logNote = " " + Messages.text("console.logs", log.toString());
    if (System.console() == null) {
      // scripted input (a pipe, a file, tests): plain lines, each echoed after "you> "
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      ConsoleApp.run(config, simulate, taskTime, in, System.out, name, logNote);
      return 0;
    }
    try (Terminal terminal =
        TerminalBuilder.builder().system(true).name("klingbot").dumb(true).build()) {
      LineReader reader = LineEditor.create(terminal, log.resolveSibling("console-history"));
      ConsoleApp.run(config, simulate, taskTime, reader, System.out, name, logNote);
    }
    return 0;
  }
}
