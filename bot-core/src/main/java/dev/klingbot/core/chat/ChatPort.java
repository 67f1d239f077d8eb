package dev.klingbot.core.chat;

import dev.klingbot.core.Platform;

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
}
