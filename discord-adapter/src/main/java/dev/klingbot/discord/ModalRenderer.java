package dev.klingbot.discord;

import dev.klingbot.core.chat.TextChunks;
import dev.klingbot.core.conversation.Form;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.modals.Modal;

/** Builds a JDA {@link Modal} from one of the core's {@link Form}s. */
final class ModalRenderer {
  /** The id of the modal's one text input. */
  static final String INPUT = "value";

  private ModalRenderer() {}

  static Modal render(Form form) {
    int max = Math.min(form.maxLength(), TextInput.MAX_VALUE_LENGTH);
    TextInput.Builder input =
        TextInput.create(INPUT, form.multiline() ? TextInputStyle.PARAGRAPH : TextInputStyle.SHORT)
            .setRequired(true)
            .setRequiredRange(1, max)
            .setPlaceholder(TextChunks.clip(form.placeholder(), TextInput.MAX_PLACEHOLDER_LENGTH));
    if (form.initialValue() != null && !form.initialValue().isBlank()) {
      input.setValue(TextChunks.clip(form.initialValue(), max));
    }
    return Modal.create(form.id(), TextChunks.clip(form.title(), Modal.MAX_TITLE_LENGTH))
        .addComponents(
            Label.of(TextChunks.clip(form.label(), Label.LABEL_MAX_LENGTH), input.build()))
        .build();
  }
}
