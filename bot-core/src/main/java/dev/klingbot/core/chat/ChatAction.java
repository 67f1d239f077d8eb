package dev.klingbot.core.chat;

import static java.util.Objects.requireNonNull;

/**
 * A button under a message. {@code id} is what comes back when it is pressed: {@code
 * <kind>:<editId>}; {@code url} is set for link buttons, which open a page instead.
 */
public record ChatAction(Kind kind, String editId, String label, Style style, String url) {

  /** What a button does. */
  public enum Kind {
    SELECT_AREA,
    PREVIEW,
    SUBMIT,
    CANCEL,
    EDIT_PROMPT,
    CONFORM,
    CLEAR_SELECTION,
    /** Opens a form to type the cells to mark (under a grid frame). */
    MARK_CELLS,
    /** Opens a form to type the cells to unmark. */
    UNMARK_CELLS,
    /** Carries out a refused command again with the close reading the bot offered. */
    ACCEPT_SUGGESTION,
    /** Opens a form for a new instruction that starts from the edit's result (under a result). */
    EDIT_RESULT,
    /** Runs the edit once more as a new edit (under a result). */
    AGAIN,
    OPEN_EDITOR,
    OPEN_LINK
  }

  /** How a button looks. */
  public enum Style {
    PRIMARY,
    SECONDARY,
    SUCCESS,
    DANGER,
    LINK
  }

  public ChatAction {
    requireNonNull(kind, "kind is null");
    requireNonNull(label, "label is null");
    requireNonNull(style, "style is null");
  }

  public static ChatAction button(Kind kind, String editId, String label, Style style) {
    return new ChatAction(kind, editId, label, style, null);
  }

  public static ChatAction link(Kind kind, String editId, String label, String url) {
    return new ChatAction(kind, editId, label, Style.LINK, requireNonNull(url, "url is null"));
  }

  /** The id sent back when pressed, e.g. {@code submit:K7Q2MX4A}. */
  public String id() {
    return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ":" + editId;
  }

  /** Parses an id made by {@link #id()}; the edit id part may be empty. */
  public static ParsedId parseId(String id) {
    int colon = id.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("not an action id: " + id);
    }
    Kind kind =
        Kind.valueOf(id.substring(0, colon).toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    return new ParsedId(kind, id.substring(colon + 1));
  }

  /** A pressed button: what it does and for which edit. */
  public record ParsedId(Kind kind, String editId) {}
}
