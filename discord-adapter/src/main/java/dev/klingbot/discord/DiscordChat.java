package dev.klingbot.discord;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Platform;
import dev.klingbot.core.chat.ChatException;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.chat.ChatPort;
import dev.klingbot.core.chat.Conversation;
import dev.klingbot.core.chat.MessageRef;
import dev.klingbot.core.conversation.CommandSyntax;
import dev.klingbot.core.i18n.Messages;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's {@link ChatPort} on Discord: posts into an edit's thread (ordinary messages, so they
 * outlive the 15-minute interaction token), edits the progress message in place, and reports the
 * server's upload limit. Calls block and throw {@link dev.klingbot.core.chat.ChatException}.
 */
final class DiscordChat implements ChatPort {
  private static final Logger LOG = LoggerFactory.getLogger(DiscordChat.class);
  private final DiscordGateway gateway;
  private final MessageRenderer renderer;

  DiscordChat(DiscordGateway gateway, MessageRenderer renderer) {
    this.gateway = requireNonNull(gateway, "gateway is null");
    this.renderer = requireNonNull(renderer, "renderer is null");
  }

  @Override
  public Platform platform() {
    return Platform.DISCORD;
  }

  @Override
  public MessageRef post(Conversation where, ChatMessage message) {
    return post(where, message, List.of());
  }

  /**
   * Posts a message with buttons of the adapter's own added; a long text is posted as several
   * messages and the first one is returned.
   */
  MessageRef post(Conversation where, ChatMessage message, List<Button> extraButtons) {
    requireNonNull(where, "where is null");
    requireNonNull(message, "message is null");
    MessageRef first = null;
    int index = 0;
    for (MessageCreateData part : renderer.create(message, extraButtons)) {
      MessageRef sent = gateway.send(where, part, nonce(message.deliveryKey(), index++));
      if (first == null) {
        first = sent;
      }
    }
    return first;
  }

  /**
   * The nonce of one part of a keyed message: the same for each post of the same part, at most 25
   * characters (Discord's limit), so a resumed delivery is answered with the earlier message.
   */
  static String nonce(String deliveryKey, int part) {
    if (deliveryKey == null) {
      return null;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((deliveryKey + "#" + part).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 25);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  @Override
  public void edit(MessageRef message, ChatMessage replacement) {
    requireNonNull(message, "message is null");
    gateway.edit(message, renderer.edit(requireNonNull(replacement, "replacement is null")));
  }

  @Override
  public long uploadLimitBytes(Conversation where) {
    return gateway.maxFileSize(where.serverId());
  }

  /**
   * A public thread for a new edit in the requester's channel (the parent channel when asked inside
   * a thread). Where Discord allows no thread, the edit lives in the conversation it started in.
   */
  @Override
  public Conversation openThread(Conversation from, String title) {
    try {
      String threadId = gateway.createThread(from.channelId(), title);
      if (threadId != null) {
        return new Conversation(Platform.DISCORD, from.serverId(), from.channelId(), threadId);
      }
      LOG.info("Channel {} cannot hold threads; the edit stays in it", from.channelId());
    } catch (ChatException e) {
      LOG.warn("Could not open a thread in channel {}: {}", from.channelId(), e.getMessage());
    }
    return from;
  }

  @Override
  public Optional<MessageRef> findRecent(
      Conversation where, String marker, java.time.Instant since) {
    return gateway.findRecent(where, marker, since);
  }

  @Override
  public CommandSyntax syntax() {
    return DiscordCommands.SYNTAX;
  }

  @Override
  public String explain(ChatException refusal) {
    return Messages.text(
        refusal.retryable() ? "discord.refused.post.retry" : "discord.refused.post");
  }
}
