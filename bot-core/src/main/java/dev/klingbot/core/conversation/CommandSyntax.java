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

  /**
   * How a person uses a button here, as Markdown with its verb: {@code press **Submit**} on a chat
   * platform; a front-end without buttons names the command that does the same ({@code type
   * `submit`}).
   */
  default String press(dev.klingbot.core.chat.ChatAction.Kind kind, String label) {
    return dev.klingbot.core.i18n.Messages.text("conversation.syntax.press", label);
  }

  /** A person named so that the platform shows them ({@code <@U123>} on Discord and Slack). */
  default String mention(String userId) {
    return userId;
  }

  /**
   * A clickable reference to a conversation ({@code <#123>} on Discord), if the platform has one.
   */
  default java.util.Optional<String> link(dev.klingbot.core.chat.Conversation conversation) {
    return java.util.Optional.empty();
  }

  /** The syntax of a running front-end, or the plain one; see {@link Syntaxes}. */
  static CommandSyntax of(dev.klingbot.core.Platform platform) {
    return Syntaxes.of(platform);
  }

  /** Lines of help about commands only this front-end has (the console's {@code use}). */
  default List<String> extraHelp() {
    return List.of();
  }

  /**
   * A chat platform's syntax from its parts; the sentences are read when asked, in the language
   * spoken then. People are mentioned as {@code <@id>} (Discord's and Slack's way).
   *
   * @param show how a command is written there, as Markdown
   * @param admins who counts as an admin there
   * @param howToStart how an edit is started there
   * @param link a clickable reference to a conversation, where the platform has one
   */
  static CommandSyntax chat(
      Function<EditCommand, String> show,
      java.util.function.Supplier<String> admins,
      java.util.function.Supplier<String> howToStart,
      Function<dev.klingbot.core.chat.Conversation, java.util.Optional<String>> link) {
    return new CommandSyntax() {
      @Override
      public String show(EditCommand command) {
        return show.apply(command);
      }

      @Override
      public String admins() {
        return admins.get();
      }

      @Override
      public String howToStart() {
        return howToStart.get();
      }

      @Override
      public String mention(String userId) {
        return "<@" + userId + ">";
      }

      @Override
      public java.util.Optional<String> link(dev.klingbot.core.chat.Conversation conversation) {
        return link.apply(conversation);
      }
    };
  }

  /**
   * Commands as typed text ({@link CommandGrammar#format}) in code marks, after a prefix chosen per
   * command (empty in the console, {@code /kling } for Slack's slash command).
   */
  static Function<EditCommand, String> typed(Function<EditCommand, String> prefix) {
    return command -> "`" + prefix.apply(command) + CommandGrammar.format(command) + "`";
  }

  /** The plain text syntax (the console's), for places that have no front-end of their own. */
  static CommandSyntax plain() {
    return new CommandSyntax() {
      @Override
      public String show(EditCommand command) {
        return typed(any -> "").apply(command);
      }

      @Override
      public String admins() {
        return dev.klingbot.core.i18n.Messages.text("conversation.syntax.admins");
      }

      @Override
      public String howToStart() {
        return dev.klingbot.core.i18n.Messages.text("conversation.syntax.start");
      }
    };
  }
}
