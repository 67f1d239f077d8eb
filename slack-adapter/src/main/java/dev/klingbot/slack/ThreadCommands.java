package dev.klingbot.slack;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Requester;
import dev.klingbot.core.conversation.Actor;
import dev.klingbot.core.conversation.CommandGrammar;
import dev.klingbot.core.conversation.ConversationHandler;
import dev.klingbot.core.conversation.EditCommand;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.workflow.MediaSource;

/**
 * Replies typed in an edit's thread, read with the core's grammar ({@code select C4 D4}, {@code
 * preview}, {@code submit}, …). A reply whose first word is no command is conversation between
 * people and is left alone.
 */
final class ThreadCommands {
  private final ConversationHandler conversation;
  private final UserDirectory users;
  private final SlackChat chat;

  ThreadCommands(ConversationHandler conversation, UserDirectory users, SlackChat chat) {
    this.conversation = requireNonNull(conversation, "conversation is null");
    this.users = requireNonNull(users, "users is null");
    this.chat = requireNonNull(chat, "chat is null");
  }

  static String attachInstead() {
    return Messages.text("slack.attach-instead");
  }

  /**
   * Whether a typed {@code edit} names a file path: on Slack that would be a file on the bot's
   * server, never the person's, so it is refused (videos and pictures come attached).
   */
  static boolean namesServerFile(EditCommand command) {
    return command instanceof EditCommand.Start start
        && (start.video() instanceof MediaSource.File
            || start.images().stream().anyMatch(MediaSource.File.class::isInstance));
  }

  /** Whether the text starts with one of the commands. */
  static boolean isCommand(String text) {
    return CommandGrammar.startsWithVerb(text);
  }

  /**
   * Runs a command typed in an edit's thread.
   *
   * @return false when the thread belongs to no edit (the message is not for the bot)
   */
  boolean run(String teamId, String channelId, String threadTs, String userId, String text) {
    Requester who = users.requester(teamId, channelId, threadTs, userId);
    if (!conversation.inEditThread(who)) {
      return false;
    }
    try (Messages.Scope lang = Messages.use(conversation.language(who))) {
      run(who, text);
    }
    return true;
  }

  private void run(Requester who, String text) {
    SlackReplies replies = SlackReplies.ephemeral(chat, who);
    CommandGrammar.Parsed parsed = CommandGrammar.parse(text);
    if (parsed instanceof CommandGrammar.Parsed.Invalid invalid) {
      replies.privately(dev.klingbot.core.chat.ChatMessage.ephemeral("⚠️ " + invalid.message()));
    } else if (parsed instanceof CommandGrammar.Parsed.Command command
        && namesServerFile(command.command())) {
      replies.privately(dev.klingbot.core.chat.ChatMessage.ephemeral(attachInstead()));
    } else if (parsed instanceof CommandGrammar.Parsed.Command command) {
      conversation.handle(Actor.of(who), command.command(), replies);
    } else {
      conversation.handle(Actor.of(who), new EditCommand.Help(), replies);
    }
  }
}
