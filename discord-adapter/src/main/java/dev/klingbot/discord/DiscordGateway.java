package dev.klingbot.discord;

import dev.klingbot.core.chat.ChatException;
import dev.klingbot.core.chat.Conversation;
import dev.klingbot.core.chat.MessageRef;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * The few Discord REST calls the adapter makes outside an interaction: post, edit, open a thread,
 * read the upload limit. Every call blocks until Discord answered and throws {@link ChatException}
 * when it refused ({@link ChatException#retryable()} for rate limits, outages and timeouts).
 */
interface DiscordGateway {
  /** Default upload limit of a server without boosts (Discord lowered it to 10 MiB in 2025). */
  long DEFAULT_UPLOAD_LIMIT = 10L << 20;

  /**
   * Posts into the conversation's thread (or its channel when it has none). An archived thread is
   * looked up and reopened by the post; when the thread is gone, locked, or closed to the bot, the
   * message goes to its channel with a sentence saying why.
   *
   * @param nonce when not null, Discord creates the message once: a second post with the same nonce
   *     within a few minutes answers the first message ({@code enforce_nonce}); at most 25
   *     characters
   * @return the posted message, in the conversation where it actually landed
   */
  MessageRef send(Conversation where, MessageCreateData message, String nonce);

  /**
   * Posts without a nonce of the caller's (see {@link #send(Conversation, MessageCreateData,
   * String)}).
   */
  default MessageRef send(Conversation where, MessageCreateData message) {
    return send(where, message, null);
  }

  /**
   * Replaces a posted message's content and buttons; an archived thread is reopened first, and a
   * message that went to the channel because its thread was closed is edited there.
   */
  void edit(MessageRef message, MessageEditData replacement);

  /**
   * Opens a public thread in a channel.
   *
   * @return the thread id, or {@code null} when the channel cannot hold threads (e.g. a voice chat)
   */
  String createThread(String channelId, String name);

  /** The largest file the server accepts, in bytes. */
  long maxFileSize(String guildId);

  /**
   * The newest of the bot's own recent messages in the conversation (its thread, else its channel)
   * posted since {@code since} whose text or file names contain {@code marker}.
   */
  default java.util.Optional<MessageRef> findRecent(
      Conversation where, String marker, java.time.Instant since) {
    return java.util.Optional.empty();
  }
}
