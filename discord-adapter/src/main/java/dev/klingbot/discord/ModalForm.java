package dev.klingbot.discord;

/**
 * A one-field form to show in a Discord modal, without JDA.
 *
 * @param id the modal id, {@code <kind>:<editId>} (see {@link CustomIds})
 * @param value the text the field starts with, or {@code null}
 * @param paragraph a multi-line field rather than a single line
 */
record ModalForm(
    String id,
    String title,
    String inputId,
    String label,
    String placeholder,
    String value,
    boolean paragraph,
    int maxLength) {}
