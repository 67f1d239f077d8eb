package dev.klingbot.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Answers a mistyped command line in one line: an unknown flag is named with the closest real one
 * ({@code --vidoe} → {@code --video}), before any "missing required option" it caused, and without
 * the whole usage text.
 */
final class UnknownOptions implements CommandLine.IParameterExceptionHandler {
  static final int USAGE_ERROR = 2;

  @Override
  public int handleParseException(ParameterException error, String[] args) {
    CommandLine line = error.getCommandLine();
    PrintWriter err = line.getErr();
    err.println(describe(line, error));
    err.flush();
    return USAGE_ERROR;
  }

  /** The one line for this mistake. */
  static String describe(CommandLine line, ParameterException error) {
    CommandSpec spec = line.getCommandSpec();
    String command = spec.qualifiedName();
    String help = " (`" + command + " --help` lists them)";
    List<String> unmatched = line.getUnmatchedArguments();
    for (String argument : unmatched) {
      if (argument.startsWith("-") && argument.length() > 1) {
        String flag =
            argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
        return command
            + ": unknown option "
            + flag
            + closest(flag, optionNames(spec))
                .map(name -> "; did you mean " + name + "?")
                .orElse("")
            + help;
      }
    }
    if (!unmatched.isEmpty()) {
      String word = unmatched.get(0);
      Optional<String> sub = closest(word, new ArrayList<>(spec.subcommands().keySet()));
      if (!spec.subcommands().isEmpty()) {
        return command
            + ": unknown command "
            + word
            + sub.map(name -> "; did you mean " + name + "?").orElse("")
            + " (`"
            + command
            + " --help` lists the commands)";
      }
      return command + ": unexpected argument " + word + help.replace("them", "what it takes");
    }
    return command + ": " + error.getMessage() + " (`" + command + " --help` shows the usage)";
  }

  private static List<String> optionNames(CommandSpec spec) {
    List<String> names = new ArrayList<>();
    for (OptionSpec option : spec.options()) {
      for (String name : option.names()) {
        names.add(name);
      }
    }
    return names;
  }

  /** The nearest candidate, if it is near enough to be a typo. */
  static Optional<String> closest(String typed, List<String> candidates) {
    LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
    String lower = typed.toLowerCase(Locale.ROOT);
    int allowed = Math.max(2, stripDashes(lower).length() / 3);
    return candidates.stream()
        .filter(name -> name.startsWith("-") == typed.startsWith("-"))
        .min(Comparator.comparingInt(name -> distance.apply(lower, name.toLowerCase(Locale.ROOT))))
        .filter(name -> distance.apply(lower, name.toLowerCase(Locale.ROOT)) <= allowed);
  }

  private static String stripDashes(String flag) {
    int start = 0;
    while (start < flag.length() && flag.charAt(start) == '-') {
      start++;
    }
    return flag.substring(start);
  }
}
