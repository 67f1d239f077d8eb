package dev.klingbot.slack;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Requester;
import dev.klingbot.core.conversation.Actor;
import dev.klingbot.core.conversation.CommandGrammar;
import dev.klingbot.core.conversation.ConversationHandler;

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
    conversation.handleTyped(Actor.of(who), text, SlackReplies.ephemeral(chat, who));
    return true;
  }
}
