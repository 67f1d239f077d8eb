package dev.klingbot.discord;

import dev.klingbot.core.chat.ChatException;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.workflow.EditException;
import java.security.SecureRandom;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the user reads when something failed: the plain-words message of an {@link EditException}, a
 * hint when Discord refused a post, and for anything unexpected a short apology with a reference id
 * that is also in the log (with the stack trace, which never goes to Discord).
 */
final class ErrorReplies {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorReplies.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private ErrorReplies() {}

  static ChatMessage describe(Throwable failure, String what) {
    if (failure instanceof EditException edit) {
      LOG.debug("{}: {} ({})", what, edit.getMessage(), edit.kind());
      return ChatMessage.ephemeral("⚠️ " + edit.getMessage());
    }
    if (failure instanceof ChatException chat) {
      LOG.warn("{}: {}", what, chat.getMessage());
      return ChatMessage.ephemeral(
          "⚠️ Discord did not let me post there"
              + (chat.retryable() ? " right now. Try again in a moment." : ".")
              + " I need View Channel, Send Messages, Send Messages in Threads, Create Public"
              + " Threads and Attach Files in this channel; ask a server admin to check.");
    }
    String reference = reference();
    LOG.error("{} failed (reference {})", what, reference, failure);
    return ChatMessage.ephemeral(
        "😵 Sorry, something went wrong on my side. If it happens again, give a server admin the"
            + " reference `"
            + reference
            + "`.");
  }

  static String reference() {
    StringBuilder id = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return id.toString().toUpperCase(Locale.ROOT);
  }
}
