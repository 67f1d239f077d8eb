package dev.klingbot.core.conversation;

import static java.util.Objects.requireNonNull;

/**
 * A small form some buttons open (Discord modal, Slack modal) to type one value: a new instruction,
 * or the cells to mark or unmark. {@code id} comes back with the typed value, for {@link
 * Actions#fromForm}.
 *
 * @param initialValue the value shown at first, or {@code null}
 */
public record Form(
    String id,
    String title,
    String label,
    String placeholder,
    String initialValue,
    boolean multiline,
    int maxLength) {

  public Form {
    requireNonNull(id, "id is null");
    requireNonNull(title, "title is null");
    requireNonNull(label, "label is null");
    placeholder = placeholder == null ? "" : placeholder;
  }
}
