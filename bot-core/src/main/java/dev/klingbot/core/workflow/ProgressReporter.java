package dev.klingbot.core.workflow;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.chat.ChatException;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.chat.ChatPort;
import dev.klingbot.core.chat.ChatPorts;
import dev.klingbot.core.chat.MessageRef;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.store.ConcurrentUpdateException;
import dev.klingbot.core.store.EditStore;
import java.time.Clock;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one progress message per edit and edits it in place (queued, processing with elapsed time,
 * done) instead of posting a new message each time. The message id is stored, so the same message
 * is edited after a restart.
 */
final class ProgressReporter {
  private static final Logger LOG = LoggerFactory.getLogger(ProgressReporter.class);

  private final EditStore edits;
  private final ChatPorts chats;
  private final Clock clock;

  ProgressReporter(EditStore edits, ChatPorts chats, Clock clock) {
    this.edits = requireNonNull(edits, "edits is null");
    this.chats = requireNonNull(chats, "chats is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** Changes the progress message to {@code text} if the edit has one; never posts a new one. */
  void finish(Edit edit, String text) {
    if (edit.progressMessageId() != null) {
      show(edit, text);
    }
  }

  /**
   * Replaces the edit's plan message with {@code message} (text and buttons), or posts it as the
   * plan message when there is none yet; returns the edit (with the message id if new).
   */
  Edit showPlan(Edit edit, ChatMessage message) {
    Optional<ChatPort> port = chats.find(edit.origin().platform());
    if (port.isEmpty()) {
      return edit;
    }
    try {
      if (edit.planMessageId() != null) {
        port.get()
            .edit(new MessageRef(edit.origin().conversation(), edit.planMessageId()), message);
        return edit;
      }
      MessageRef posted =
          port.get().post(edit.origin().conversation(), message.mentioning(edit.origin().userId()));
      return remember(edit, stored -> stored.withPlanMessage(posted.id()));
    } catch (ChatException e) {
      LOG.warn("Could not update the plan of edit {}: {}", edit.id(), e.getMessage());
      return edit;
    }
  }

  /** Shows {@code text} as the edit's progress; returns the edit (with the message id if new). */
  Edit show(Edit edit, String text) {
    Optional<ChatPort> port = chats.find(edit.origin().platform());
    if (port.isEmpty()) {
      return edit;
    }
    ChatMessage message = ChatMessage.text(text);
    try {
      if (edit.progressMessageId() != null) {
        port.get()
            .edit(new MessageRef(edit.origin().conversation(), edit.progressMessageId()), message);
        return edit;
      }
      MessageRef posted = port.get().post(edit.origin().conversation(), message);
      return remember(edit, stored -> stored.withProgressMessage(posted.id()));
    } catch (ChatException e) {
      LOG.warn("Could not show progress of edit {}: {}", edit.id(), e.getMessage());
      return edit;
    }
  }

  /**
   * Stores the id of a message just posted ({@code withMessage} sets it on an edit); when the edit
   * changed meanwhile, sets it on the fresh copy instead.
   */
  private Edit remember(Edit edit, UnaryOperator<Edit> withMessage) {
    try {
      return edits.update(withMessage.apply(edit), clock.instant(), null, null);
    } catch (ConcurrentUpdateException e) {
      Edit fresh = edits.find(edit.id()).orElse(edit);
      return edits.update(withMessage.apply(fresh), clock.instant(), null, null);
    }
  }
}
