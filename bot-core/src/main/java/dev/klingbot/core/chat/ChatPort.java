package dev.klingbot.core.chat;

import dev.klingbot.core.Platform;
import dev.klingbot.core.conversation.CommandSyntax;
import java.time.Instant;
import java.util.Optional;

/**
 * What a chat platform offers the core: post a message (text, files, buttons) into a conversation,
 * and edit one in place. Adapters implement it; the core never sees JDA or Bolt types.
 * Implementations may block; they throw {@link ChatException} when the platform refuses.
 */
public interface ChatPort {
  Platform platform();

  /** Posts a message and returns a reference to it. */
  MessageRef post(Conversation where, ChatMessage message);

  /** Replaces a posted message's text and buttons (files are not changed). */
  void edit(MessageRef message, ChatMessage replacement);

  /** The largest file that may be uploaded in this conversation, in bytes. */
  long uploadLimitBytes(Conversation where);

  /**
   * Opens the conversation a new edit lives in (a Discord thread), started from {@code from}. Where
   * the platform has no such thing, or it cannot be opened, the edit lives in {@code from}.
   */
  default Conversation openThread(Conversation from, String title) {
    return from;
  }

  /**
   * Looks for a message the bot posted in {@code where} since {@code since} whose text (or the
   * title of one of its files) contains {@code marker}. The core asks before posting a result again
   * after an interruption (a crash right after the post, before it was recorded), so that each
   * result appears once. Empty when there is none, or when the platform cannot look back; a failed
   * look-up throws {@link ChatException} like a failed post.
   */
  default Optional<MessageRef> findRecent(Conversation where, String marker, Instant since) {
    return Optional.empty();
  }

  /** A reference to a conversation people can click ({@code <#123>} on Discord), if any. */
  default Optional<String> link(Conversation conversation) {
    return syntax().link(conversation);
  }

  /** How commands are written on this platform, for hints and help. */
  default CommandSyntax syntax() {
    return CommandSyntax.plain();
  }

  /** A refusal of this platform in plain words for the user, with what to do about it. */
  default String explain(ChatException refusal) {
    return "⚠️ I could not post there"
        + (refusal.retryable() ? " right now. Try again in a moment." : ".");
  }
}
