package dev.klingbot.app.console;

import com.google.inject.Injector;
import dev.klingbot.app.wiring.AppOptions;
import dev.klingbot.app.wiring.HttpService;
import dev.klingbot.app.wiring.Injection;
import dev.klingbot.app.wiring.Lifecycle;
import dev.klingbot.app.wiring.Simulation;
import dev.klingbot.config.KlingbotConfig;
import dev.klingbot.core.Platform;
import dev.klingbot.core.chat.ChatPorts;
import dev.klingbot.core.conversation.ConversationHandler;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.workflow.EditService;
import dev.klingbot.core.workflow.JobRunner;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Consumer;
import org.jline.reader.LineReader;

/** Starts everything the console chat needs and runs the conversation until it ends. */
public final class ConsoleApp {
  private ConsoleApp() {}

  /**
   * The scripted console: lines are read from {@code in} (a pipe, a file, tests) and echoed.
   *
   * @param taskTime with {@code simulate}: how long a simulated task takes
   */
  public static void run(
      KlingbotConfig config,
      boolean simulate,
      Duration taskTime,
      BufferedReader in,
      PrintStream out,
      String user,
      String logNote) {
    run(config, simulate, taskTime, out, user, logNote, session -> session.run(in));
  }

  /**
   * The interactive console: lines are read with {@code reader} (history, editing, Ctrl-C), and
   * what the bot says while the user types is printed above the prompt.
   */
  public static void run(
      KlingbotConfig config,
      boolean simulate,
      Duration taskTime,
      LineReader reader,
      PrintStream out,
      String user,
      String logNote) {
    run(config, simulate, taskTime, out, user, logNote, session -> session.run(reader));
  }

  private static void run(
      KlingbotConfig config,
      boolean simulate,
      Duration taskTime,
      PrintStream out,
      String user,
      String logNote,
      Consumer<ConsoleSession> conversation) {
    try (Lifecycle lifecycle = new Lifecycle()) {
      AppOptions options = AppOptions.standard();
      KlingbotConfig effective = config;
      if (simulate) {
        effective = Simulation.start(config, taskTime, lifecycle).config();
        options = AppOptions.local();
      }
      Injector injector = Injection.create(effective, options, lifecycle);
      ConsoleChat chat = new ConsoleChat(out);
      Injection.get(injector, ChatPorts.class).register(chat);
      Injection.get(injector, HttpService.class).start();
      Injection.get(injector, JobRunner.class).follow(Platform.CONSOLE).start();
      if (simulate) {
        chat.info(
            Messages.text("console.simulator", String.valueOf(taskTime.toSeconds())) + logNote);
      } else {
        chat.info(Messages.text("console.kling", effective.kling().baseUrl()) + logNote);
      }
      conversation.accept(
          new ConsoleSession(
              Injection.get(injector, ConversationHandler.class),
              Injection.get(injector, EditService.class),
              chat,
              user));
    }
  }
}
