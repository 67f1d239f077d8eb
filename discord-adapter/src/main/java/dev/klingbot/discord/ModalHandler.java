package dev.klingbot.discord;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Requester;
import dev.klingbot.core.workflow.EditException;
import dev.klingbot.core.workflow.EditService;
import dev.klingbot.core.workflow.Reply;
import java.util.Map;

/** Runs a submitted modal: a new instruction, or cells to mark or unmark. */
final class ModalHandler {
  private final EditService edits;
  private final ThreadPoster poster;

  ModalHandler(EditService edits, ThreadPoster poster) {
    this.edits = requireNonNull(edits, "edits is null");
    this.poster = requireNonNull(poster, "poster is null");
  }

  void submit(Requester who, String modalId, Map<String, String> values, PrivateReplies replies) {
    CustomIds.Parsed parsed =
        CustomIds.parse(modalId)
            .orElseThrow(
                () -> new EditException(EditException.Kind.NOT_FOUND, "That form is outdated."));
    String id = parsed.editId();
    Reply reply =
        switch (parsed.kind()) {
          case CustomIds.PROMPT_MODAL ->
              edits.updatePrompt(who, id, value(values, CustomIds.INSTRUCTION_INPUT));
          case CustomIds.MARK_MODAL -> edits.select(who, id, value(values, CustomIds.CELLS_INPUT));
          case CustomIds.UNMARK_MODAL ->
              edits.unselect(who, id, value(values, CustomIds.CELLS_INPUT));
          default ->
              throw new EditException(EditException.Kind.NOT_FOUND, "That form is outdated.");
        };
    poster.post(who, reply, replies);
    replies.done(ThreadPoster.doneText(who, reply));
  }

  private static String value(Map<String, String> values, String input) {
    String value = values.get(input);
    if (value == null || value.isBlank()) {
      throw new EditException(
          EditException.Kind.NOT_ALLOWED, "The form was empty; nothing changed.");
    }
    return value.strip();
  }
}
