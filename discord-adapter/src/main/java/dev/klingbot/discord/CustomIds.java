package dev.klingbot.discord;

import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.buttons.Button;

/**
 * The ids of the adapter's own buttons and modals (the core's buttons use {@code ChatAction.id()},
 * e.g. {@code submit:K7Q2MX4A}). Each is {@code <kind>:<editId>}.
 */
final class CustomIds {
  /** Opens the modal to mark grid cells (under the grid frame). */
  static final String MARK_CELLS = "cells-mark";

  /** Opens the modal to unmark grid cells. */
  static final String UNMARK_CELLS = "cells-unmark";

  /** Modal: a new instruction. */
  static final String PROMPT_MODAL = "modal-prompt";

  /** Modal: cells to mark. */
  static final String MARK_MODAL = "modal-mark";

  /** Modal: cells to unmark. */
  static final String UNMARK_MODAL = "modal-unmark";

  /** The text input of the prompt modal. */
  static final String INSTRUCTION_INPUT = "instruction";

  /** The text input of the cell modals. */
  static final String CELLS_INPUT = "cells";

  private CustomIds() {}

  /** An id split into its kind and edit id. */
  record Parsed(String kind, String editId) {}

  static String of(String kind, String editId) {
    return kind + ":" + editId;
  }

  static Optional<Parsed> parse(String id) {
    int colon = id == null ? -1 : id.indexOf(':');
    if (colon <= 0 || colon == id.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(new Parsed(id.substring(0, colon), id.substring(colon + 1)));
  }

  /** The buttons under a grid frame that open the mark and unmark modals. */
  static List<Button> cellButtons(String editId) {
    return List.of(
        Button.primary(of(MARK_CELLS, editId), "Mark cells…"),
        Button.secondary(of(UNMARK_CELLS, editId), "Unmark cells…"));
  }
}
