package dev.klingbot.discord;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Requester;
import dev.klingbot.core.conversation.ConversationHandler;
import java.util.List;

/**
 * Autocomplete of the {@code edit} option: the requester's edits (all, for admins) by id prefix.
 */
final class EditSuggestions {
  /** Discord shows at most 25 choices. */
  static final int MAX = 25;

  /** One choice: what the user sees, and the id that is filled in. */
  record Suggestion(String label, String editId) {}

  private final ConversationHandler conversation;

  EditSuggestions(ConversationHandler conversation) {
    this.conversation = requireNonNull(conversation, "conversation is null");
  }

  List<Suggestion> suggest(Requester who, String typed) {
    return conversation.suggestEdits(who, typed, MAX).stream()
        .map(choice -> new Suggestion(choice.label(), choice.editId()))
        .toList();
  }
}
