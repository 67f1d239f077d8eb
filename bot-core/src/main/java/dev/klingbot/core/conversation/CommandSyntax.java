package dev.klingbot.core.conversation;

import java.util.List;
import java.util.function.Function;

/**
 * How a front-end writes commands: the core builds its hints and help from typed {@link
 * EditCommand}s and each front-end says how a person gives them there ({@code `select C4 D4`} in
 * the console and Slack threads, {@code `/kling select points:C4 D4`} on Discord). The core never
 * asks which platform it talks to.
 */
public interface CommandSyntax {

  /** How to give {@code command} here, as Markdown. */
  String show(EditCommand command);

  /** Who counts as an admin here, for "Only … can use admin commands". */
  String admins();

  /** How an edit is started here (the first line of the help). */
  String howToStart();

  /** Lines of help about commands only this front-end has (the console's {@code use}). */
  default List<String> extraHelp() {
    return List.of();
  }

  /**
   * Commands typed as text ({@link CommandGrammar#format}), after a prefix chosen per command
   * (empty in the console, {@code /kling } for Slack's slash command).
   */
  static CommandSyntax text(
      Function<EditCommand, String> prefix,
      String admins,
      String howToStart,
      List<String> extraHelp) {
    return new CommandSyntax() {
      @Override
      public String show(EditCommand command) {
        return "`" + prefix.apply(command) + CommandGrammar.format(command) + "`";
      }

      @Override
      public String admins() {
        return admins;
      }

      @Override
      public String howToStart() {
        return howToStart;
      }

      @Override
      public List<String> extraHelp() {
        return List.copyOf(extraHelp);
      }
    };
  }

  /** The plain text syntax (the console's), for places that have no front-end of their own. */
  static CommandSyntax plain() {
    return text(
        command -> "",
        "admins",
        "`edit <file|url> <instruction>` starts an edit, e.g. `edit clip.mp4 remove the man in the"
            + " red jacket`",
        List.of());
  }
}
