package dev.klingbot.core.conversation;

import dev.klingbot.core.chat.ChatMessage;

/**
 * How the front-end answers the one person who gave a command (Discord's ephemeral interaction
 * replies, Slack's ephemeral messages or {@code response_url}, console lines, the selection page's
 * answer). What everyone in a thread should see goes through the {@link
 * dev.klingbot.core.chat.ChatPort} instead.
 */
public interface Replies {
  /** Shows a message to the person only. */
  void privately(ChatMessage message);

  /** Says that slow work started ("Checking the video…"), where the front-end shows such a line. */
  default void working(String text) {}

  /**
   * A message the front-end already posted in the conversation while it prepared the command ("⏳
   * Downloading…"), which the first answer may replace in place.
   */
  default java.util.Optional<dev.klingbot.core.chat.MessageRef> placeholder() {
    return java.util.Optional.empty();
  }

  /** Called when the first answer replaced the {@link #placeholder()} in place. */
  default void placeholderReplaced() {}

  /**
   * Ends the command: where the platform still waits for an answer ("thinking…") and nothing was
   * said yet, says {@code text}.
   */
  default void done(String text) {}
}
