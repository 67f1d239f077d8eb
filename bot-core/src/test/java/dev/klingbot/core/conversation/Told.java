package dev.klingbot.core.conversation;

import dev.klingbot.core.chat.ChatMessage;
import java.util.ArrayList;
import java.util.List;

/** What the asker alone was told: the private messages, the progress notes and the last word. */
final class Told implements Replies {
  final List<ChatMessage> messages = new ArrayList<>();
  final List<String> done = new ArrayList<>();
  final List<String> working = new ArrayList<>();

  @Override
  public void working(String text) {
    working.add(text);
  }

  @Override
  public void privately(ChatMessage message) {
    messages.add(message);
  }

  @Override
  public void done(String text) {
    done.add(text);
  }

  /** The private messages' texts, one after another. */
  String text() {
    return String.join("\n", messages.stream().map(ChatMessage::text).toList());
  }
}
