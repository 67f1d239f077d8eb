package dev.klingbot.discord;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Requester;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.workflow.EditService;
import dev.klingbot.core.workflow.Texts;
import java.util.List;

/**
 * Autocomplete of the {@code edit} option: the requester's edits (all, for admins) by id prefix.
 */
final class EditSuggestions {
  /** Discord shows at most 25 choices. */
  static final int MAX = 25;

  /** One choice: what the user sees, and the id that is filled in. */
  record Suggestion(String label, String editId) {}

  private final EditService edits;

  EditSuggestions(EditService edits) {
    this.edits = requireNonNull(edits, "edits is null");
  }

  List<Suggestion> suggest(Requester who, String typed) {
    return edits.suggestEdits(who, typed == null ? "" : typed, MAX).stream()
        .map(EditSuggestions::suggestion)
        .toList();
  }

  private static Suggestion suggestion(Edit edit) {
    return new Suggestion(
        Texts.clip(
            edit.id() + " · " + edit.state().label() + " · " + edit.request().summary(), 100),
        edit.id());
  }
}
