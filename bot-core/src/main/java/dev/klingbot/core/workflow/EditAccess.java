package dev.klingbot.core.workflow;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Requester;
import dev.klingbot.core.chat.ChatAction;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditIds;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.store.ConcurrentUpdateException;
import dev.klingbot.core.store.EditStore;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Who may see and change an edit, and the in-process lock around changes: an edit belongs to its
 * server (others do not even learn it exists), and only its owner or an admin may change it.
 */
final class EditAccess {
  private final EditStore edits;
  private final Clock clock;
  private final EditLocks locks = new EditLocks();

  EditAccess(EditStore edits, Clock clock) {
    this.edits = requireNonNull(edits, "edits is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  Edit readable(Requester who, String editId) {
    String id = EditIds.normalize(editId);
    Edit found =
        edits
            .find(id)
            .filter(edit -> dev.klingbot.core.conversation.Access.maySee(who, edit))
            .orElseThrow(
                () ->
                    new EditException(
                        EditException.Kind.NOT_FOUND,
                        Messages.text(
                            "edit.not.found", Texts.clip(editId == null ? "" : editId, 20))));
    dev.klingbot.core.edit.EditLogContext.name(found.id());
    return found;
  }

  Edit changeable(Requester who, String editId) {
    Edit edit = readable(who, editId);
    dev.klingbot.core.conversation.Access.requireMayChange(who, edit);
    return edit;
  }

  void requireSession(Edit edit) {
    requireSession(edit, clock.instant(), "edit.fix.first", press -> press);
  }

  /**
   * Refuses an edit whose video must be conformed first (the message {@code conformFirstKey}, with
   * the words for pressing the button as {@code pressWords} writes them), that is past submitting
   * or has no Kling session, or whose session expired by {@code now}.
   */
  static void requireSession(
      Edit edit, Instant now, String conformFirstKey, UnaryOperator<String> pressWords) {
    if (edit.state() == EditState.CREATED && edit.video().needsConform()) {
      throw new EditException(
          EditException.Kind.WRONG_STATE,
          Messages.text(
              conformFirstKey,
              edit.id(),
              pressWords.apply(
                  Texts.press(
                      edit.origin().platform(),
                      ChatAction.Kind.CONFORM,
                      Messages.text("edit.button.conform")))));
    }
    if (!edit.state().isBeforeSubmit() || edit.session() == null) {
      throw wrongState(edit, Messages.text("edit.why.state", edit.state().text()));
    }
    if (edit.session().expiredAt(now)) {
      throw new EditException(
          EditException.Kind.WRONG_STATE, Messages.text("edit.expired", edit.id()));
    }
  }

  static EditException wrongState(Edit edit, String why) {
    return new EditException(
        EditException.Kind.WRONG_STATE, Messages.text("edit.wrong.state", edit.id(), why));
  }

  <T> T locked(Requester who, String editId, Function<Edit, T> action) {
    String id = EditIds.normalize(editId);
    Supplier<T> work = () -> action.apply(changeable(who, id));
    ConcurrentUpdateException last = null;
    // Another process or the job runner may save the edit between our read and our write (a
    // queued edit is touched every few seconds); read it again and redo the action.
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        return locks.with(id, work);
      } catch (ConcurrentUpdateException e) {
        last = e;
      }
    }
    throw new EditException(EditException.Kind.BUSY, Messages.text("edit.busy", id), last);
  }
}
