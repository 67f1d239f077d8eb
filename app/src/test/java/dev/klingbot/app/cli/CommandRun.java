package dev.klingbot.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs one command the way {@code klingbot} would, capturing its output and exit code. */
record CommandRun(int exitCode, String out, String err) {
  static CommandRun of(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine line = new CommandLine(command);
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    int code = line.execute(args);
    return new CommandRun(code, out.toString(), err.toString());
  }

  /** Runs {@code klingbot} with {@code args}, then {@code more}. */
  static CommandRun klingbot(List<String> args, String... more) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of(more));
    return klingbot(all.toArray(String[]::new));
  }

  /** Runs {@code klingbot args...} as the launcher does: the whole command line, its exit code. */
  static CommandRun klingbot(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = KlingbotCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CommandRun(code, out.toString(), err.toString());
  }
}
