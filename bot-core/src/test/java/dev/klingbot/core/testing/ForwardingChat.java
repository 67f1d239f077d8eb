package dev.klingbot.core.testing;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Platform;
import dev.klingbot.core.chat.ChatException;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.chat.ChatPort;
import dev.klingbot.core.chat.Conversation;
import dev.klingbot.core.chat.MessageRef;
import dev.klingbot.core.conversation.CommandSyntax;
import java.time.Instant;
import java.util.Optional;

/**
 * A chat platform that hands every call to another one; a test overrides only the calls it makes go
 * wrong.
 */
public class ForwardingChat implements ChatPort {
  protected final ChatPort chat;

  public ForwardingChat(ChatPort chat) {
    this.chat = requireNonNull(chat, "chat is null");
  }

  @Override
  public Platform platform() {
    return chat.platform();
  }

  @Override
  public MessageRef post(Conversation where, ChatMessage message) {
    return chat.post(where, message);
  }

  @Override
  public void edit(MessageRef message, ChatMessage replacement) {
    chat.edit(message, replacement);
  }

  @Override
  public long uploadLimitBytes(Conversation where) {
    return chat.uploadLimitBytes(where);
  }

  @Override
  public Optional<MessageRef> findRecent(Conversation where, String marker, Instant since) {
    return chat.findRecent(where, marker, since);
  }

  @Override
  public Conversation openThread(Conversation from, String title) {
    return chat.openThread(from, title);
  }

  @Override
  public Optional<String> link(Conversation conversation) {
    return chat.link(conversation);
  }

  @Override
  public CommandSyntax syntax() {
    return chat.syntax();
  }

  @Override
  public String explain(ChatException refusal) {
    return chat.explain(refusal);
  }
}
