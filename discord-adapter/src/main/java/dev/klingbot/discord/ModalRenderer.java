package dev.klingbot.discord;

import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.modals.Modal;

/** Builds a JDA {@link Modal} from a {@link ModalForm}. */
final class ModalRenderer {
  private ModalRenderer() {}

  static Modal render(ModalForm form) {
    TextInput.Builder input =
        TextInput.create(
                form.inputId(), form.paragraph() ? TextInputStyle.PARAGRAPH : TextInputStyle.SHORT)
            .setRequired(true)
            .setRequiredRange(1, form.maxLength())
            .setPlaceholder(TextChunks.clip(form.placeholder(), TextInput.MAX_PLACEHOLDER_LENGTH));
    if (form.value() != null && !form.value().isBlank()) {
      input.setValue(form.value());
    }
    return Modal.create(form.id(), TextChunks.clip(form.title(), Modal.MAX_TITLE_LENGTH))
        .addComponents(
            Label.of(TextChunks.clip(form.label(), Label.LABEL_MAX_LENGTH), input.build()))
        .build();
  }
}
