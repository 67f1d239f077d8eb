package dev.klingbot.app.cli;

import dev.klingbot.config.ConfigException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code klingbot} command and its subcommands. */
@Command(
    name = "klingbot",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Kling Edit Bot: edit videos from plain-language instructions.",
    subcommands = {
      RunCommand.class,
      ConsoleCommand.class,
      EditCommand.class,
      SimulatorCommand.class,
      KlingCommand.class,
      ConfigCommand.class,
      ParseCommand.class,
      CheckVideoCommand.class,
      ConformCommand.class,
      FrameCommand.class,
      CommandLine.HelpCommand.class
    })
public final class KlingbotCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the command line; problems a user can fix print one line, never a stack trace. */
  public static int run(String... args) {
    return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new KlingbotCommand());
    commandLine.setOut(out);
    commandLine.setErr(err);
    // Unknown flags are collected rather than fatal, so the one-line answer can name them (and
    // not a "missing required option" they caused); a command never runs with them.
    commandLine.setUnmatchedArgumentsAllowed(true);
    commandLine.setParameterExceptionHandler(new UnknownOptions());
    commandLine.setExecutionStrategy(KlingbotCommand::refuseUnmatchedThenRun);
    commandLine.setExecutionExceptionHandler(
        (exception, line, parseResult) -> {
          line.getErr().println("klingbot: " + UserErrors.describe(exception));
          return exception instanceof ConfigException ? 78 : 1;
        });
    return commandLine.execute(args);
  }

  private static int refuseUnmatchedThenRun(CommandLine.ParseResult parseResult) {
    for (CommandLine.ParseResult level = parseResult; level != null; level = level.subcommand()) {
      if (!level.unmatched().isEmpty()) {
        throw new CommandLine.UnmatchedArgumentException(
            level.commandSpec().commandLine(), level.unmatched());
      }
    }
    return new CommandLine.RunLast().execute(parseResult);
  }
}
