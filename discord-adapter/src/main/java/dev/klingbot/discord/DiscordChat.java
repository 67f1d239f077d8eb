package dev.klingbot.discord;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Platform;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.chat.ChatPort;
import dev.klingbot.core.chat.Conversation;
import dev.klingbot.core.chat.MessageRef;
import java.util.List;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * The core's {@link ChatPort} on Discord: posts into an edit's thread (ordinary messages, so they
 * outlive the 15-minute interaction token), edits the progress message in place, and reports the
 * server's upload limit. Calls block and throw {@link dev.klingbot.core.chat.ChatException}.
 */
final class DiscordChat implements ChatPort {
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
    for (MessageCreateData part : renderer.create(message, extraButtons)) {
      MessageRef sent = gateway.send(where, part);
      if (first == null) {
        first = sent;
      }
    }
    return first;
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
}
