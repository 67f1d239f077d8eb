package dev.klingbot.discord;

import dev.klingbot.core.chat.ChatMessage;

/** Answers only the person who used a command, button or modal (Discord ephemeral messages). */
interface PrivateReplies {
  /** Sends a message only the requester sees. */
  void send(ChatMessage message);

  /**
   * Ends the interaction: where Discord still shows "thinking…" and nothing was sent yet, says
   * {@code text}; after a button press (which needs no answer) it does nothing.
   */
  void done(String text);
}
