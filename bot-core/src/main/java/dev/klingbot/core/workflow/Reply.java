package dev.klingbot.core.workflow;

import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.i18n.Messages;
import java.util.List;

/**
 * What an {@link EditService} call produced: the edit as it is now (when the call was about one)
 * and the messages to show, in order. Adapters render the messages; the first one usually answers
 * the command or button.
 */
public record Reply(Edit edit, List<ChatMessage> messages) {

  public Reply {
    messages = List.copyOf(messages);
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("a reply has at least one message");
    }
  }

  public static Reply of(Edit edit, ChatMessage... messages) {
    return new Reply(edit, List.of(messages));
  }

  public static Reply text(String text) {
    return new Reply(null, List.of(ChatMessage.text(text)));
  }

  /** The first message. */
  public ChatMessage message() {
    return messages.get(0);
  }

  /** A thread name for the edit, e.g. "Edit K7Q2MX4A: remove the man in the red jacket". */
  public static String threadTitle(Edit edit) {
    return Texts.clip(
        Messages.text("edit.thread.title", edit.id(), edit.request().instruction()), 95);
  }
}
