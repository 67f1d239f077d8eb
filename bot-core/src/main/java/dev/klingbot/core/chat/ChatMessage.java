package dev.klingbot.core.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * A platform-neutral message. {@code text} uses a small Markdown subset that every adapter can
 * render: {@code **bold**}, {@code `code`}, {@code _italic_}, bullet lines starting with {@code -
 * }, and links as bare URLs. {@code mentionUserId} asks the adapter to mention that user. {@code
 * ephemeral} messages are shown only to the requester where the platform allows it. {@code
 * deliveryKey}, when set, is the same each time this message is posted again (see {@link
 * #withDeliveryKey(String)}).
 */
public record ChatMessage(
    String text,
    List<ChatFile> files,
    List<ChatAction> actions,
    String mentionUserId,
    boolean ephemeral,
    String deliveryKey) {

  public ChatMessage {
    text = text == null ? "" : text;
    files = List.copyOf(files == null ? List.of() : files);
    actions = List.copyOf(actions == null ? List.of() : actions);
  }

  /** A message without a delivery key. */
  public ChatMessage(
      String text,
      List<ChatFile> files,
      List<ChatAction> actions,
      String mentionUserId,
      boolean ephemeral) {
    this(text, files, actions, mentionUserId, ephemeral, null);
  }

  /**
   * The same message with a key that stays the same each time this message is posted again (a
   * delivery resumed after an interruption). A platform that can make a post idempotent uses it so
   * that the message appears once (Discord: the message nonce with {@code enforce_nonce}).
   */
  public ChatMessage withDeliveryKey(String key) {
    return new ChatMessage(text, files, actions, mentionUserId, ephemeral, key);
  }

  public static ChatMessage text(String text) {
    return new ChatMessage(text, List.of(), List.of(), null, false);
  }

  public static ChatMessage ephemeral(String text) {
    return new ChatMessage(text, List.of(), List.of(), null, true);
  }

  public ChatMessage withFile(ChatFile file) {
    List<ChatFile> more = new ArrayList<>(files);
    more.add(file);
    return new ChatMessage(text, more, actions, mentionUserId, ephemeral, deliveryKey);
  }

  public ChatMessage withActions(List<ChatAction> newActions) {
    return new ChatMessage(text, files, newActions, mentionUserId, ephemeral, deliveryKey);
  }

  public ChatMessage mentioning(String userId) {
    return new ChatMessage(text, files, actions, userId, ephemeral, deliveryKey);
  }

  /** Text without the Markdown markers, for plain-text surfaces (terminal, web page). */
  public static String plain(String markdown) {
    return markdown == null ? "" : markdown.replace("**", "").replace("`", "");
  }
}
