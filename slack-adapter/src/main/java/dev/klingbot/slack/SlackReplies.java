package dev.klingbot.slack;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Requester;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.chat.MessageRef;
import dev.klingbot.core.conversation.Replies;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Private answers on Slack: an ephemeral message in the requester's channel or thread, or the slash
 * command's {@code response_url}. Neither can carry files, so files (a usage chart) are posted to
 * the conversation for the requester.
 */
final class SlackReplies implements Replies {
  private static final Logger LOG = LoggerFactory.getLogger(SlackReplies.class);

  private final SlackChat chat;
  private final Requester who;
  private final Consumer<ChatMessage> send;
  private final MessageRef placeholder;

  private SlackReplies(
      SlackChat chat, Requester who, Consumer<ChatMessage> send, MessageRef placeholder) {
    this.chat = requireNonNull(chat, "chat is null");
    this.who = requireNonNull(who, "who is null");
    this.send = requireNonNull(send, "send is null");
    this.placeholder = placeholder;
  }

  /** The same, with a message posted while the command was prepared, for the answer to replace. */
  SlackReplies replacing(MessageRef message) {
    return new SlackReplies(chat, who, send, message);
  }

  @Override
  public java.util.Optional<MessageRef> placeholder() {
    return java.util.Optional.ofNullable(placeholder);
  }

  private boolean replaced;

  @Override
  public synchronized void placeholderReplaced() {
    replaced = true;
  }

  /** Whether the answer took the placeholder's place (so it must not be deleted). */
  synchronized boolean replacedPlaceholder() {
    return replaced;
  }

  /** Ephemeral messages where the requester is. */
  static SlackReplies ephemeral(SlackChat chat, Requester who) {
    return new SlackReplies(
        chat, who, message -> chat.postEphemeral(who.conversation(), who.userId(), message), null);
  }

  /** Answers through a slash command's response URL. */
  static SlackReplies through(SlackChat chat, Requester who, Consumer<ChatMessage> respond) {
    return new SlackReplies(chat, who, respond, null);
  }

  @Override
  public void privately(ChatMessage message) {
    send.accept(new ChatMessage(message.text(), List.of(), message.actions(), null, true));
    if (!message.files().isEmpty()) {
      ChatMessage files =
          new ChatMessage(
              "📎 For <@" + who.userId() + ">:", message.files(), List.of(), null, false);
      try {
        chat.post(who.conversation(), files);
      } catch (RuntimeException e) {
        LOG.warn("Could not post the files of an answer: {}", e.getMessage());
      }
    }
  }
}
