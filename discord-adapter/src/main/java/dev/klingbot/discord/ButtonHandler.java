package dev.klingbot.discord;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Requester;
import dev.klingbot.core.chat.ChatAction;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.workflow.EditException;
import dev.klingbot.core.workflow.EditService;
import dev.klingbot.core.workflow.Reply;
import java.util.List;

/**
 * Runs button presses. The core's buttons carry {@code ChatAction.id()} ({@code submit:ID}); the
 * adapter adds "Mark cells…" and "Unmark cells…" under a grid frame. Only the edit's owner or a
 * server admin may press an edit's buttons; anyone else is told privately that it is not theirs.
 * Edit prompt and the cell buttons open a modal instead of acting at once.
 */
final class ButtonHandler {
  private static final int MAX_INPUT = 4000;

  private final EditService edits;
  private final ThreadPoster poster;

  ButtonHandler(EditService edits, ThreadPoster poster) {
    this.edits = requireNonNull(edits, "edits is null");
    this.poster = requireNonNull(poster, "poster is null");
  }

  /** Whether the button answers with a modal (which must be the first answer, not a deferral). */
  static boolean opensModal(String customId) {
    return CustomIds.parse(customId)
        .map(
            id ->
                id.kind().equals(CustomIds.MARK_CELLS)
                    || id.kind().equals(CustomIds.UNMARK_CELLS)
                    || id.kind().equals(kindName(ChatAction.Kind.EDIT_PROMPT)))
        .orElse(false);
  }

  /** Acts on a pressed button and posts the answer in the edit's thread. */
  void press(Requester who, String customId, PrivateReplies replies) {
    ChatAction.ParsedId pressed = parse(customId);
    Edit edit = owned(who, pressed.editId());
    String id = edit.id();
    Reply reply =
        switch (pressed.kind()) {
          case SELECT_AREA -> edits.gridFrame(who, id, 0);
          case PREVIEW -> edits.preview(who, id);
          case SUBMIT -> edits.submit(who, id);
          case CANCEL -> edits.cancel(who, id);
          case CONFORM -> edits.conform(who, id);
          case CLEAR_SELECTION -> edits.clearSelection(who, id);
          case EDIT_PROMPT, OPEN_EDITOR, OPEN_LINK -> throw stale();
        };
    poster.post(
        who,
        reply,
        replies,
        pressed.kind() == ChatAction.Kind.SELECT_AREA ? CustomIds.cellButtons(id) : List.of());
    replies.done(ThreadPoster.doneText(who, reply));
  }

  /** The modal a button opens, after checking the presser owns the edit. */
  ModalForm modal(Requester who, String customId) {
    CustomIds.Parsed parsed = CustomIds.parse(customId).orElseThrow(ButtonHandler::stale);
    Edit edit = owned(who, parsed.editId());
    String kind = parsed.kind();
    if (kind.equals(kindName(ChatAction.Kind.EDIT_PROMPT))) {
      return new ModalForm(
          CustomIds.of(CustomIds.PROMPT_MODAL, edit.id()),
          "Edit prompt of " + edit.id(),
          CustomIds.INSTRUCTION_INPUT,
          "New instruction",
          "Plain words, or a Kling prompt with <<<video_1>>>",
          TextChunks.clip(edit.request().instruction(), MAX_INPUT),
          true,
          MAX_INPUT);
    }
    boolean mark = kind.equals(CustomIds.MARK_CELLS);
    if (!mark && !kind.equals(CustomIds.UNMARK_CELLS)) {
      throw stale();
    }
    return new ModalForm(
        CustomIds.of(mark ? CustomIds.MARK_MODAL : CustomIds.UNMARK_MODAL, edit.id()),
        (mark ? "Mark cells of " : "Unmark cells of ") + edit.id(),
        CustomIds.CELLS_INPUT,
        mark ? "Cells covering the element" : "Cells to unmark",
        "C4 D4, or 0.42,0.55; add frame:12 for another frame",
        null,
        false,
        300);
  }

  private Edit owned(Requester who, String editId) {
    Edit edit = edits.find(who, editId);
    Requesters.requireOwner(who, edit);
    return edit;
  }

  private static ChatAction.ParsedId parse(String customId) {
    try {
      ChatAction.ParsedId parsed = ChatAction.parseId(customId);
      if (parsed.editId().isBlank()) {
        throw stale();
      }
      return parsed;
    } catch (IllegalArgumentException e) {
      throw stale();
    }
  }

  /** The id prefix the core gives a kind of button ({@code edit-prompt}), taken from the core. */
  private static String kindName(ChatAction.Kind kind) {
    return ChatAction.button(kind, "x", "x", ChatAction.Style.SECONDARY).id().split(":")[0];
  }

  private static EditException stale() {
    return new EditException(
        EditException.Kind.NOT_FOUND,
        "That button no longer works. `/kling status` shows where your edit is.");
  }
}
