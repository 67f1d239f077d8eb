package dev.klingbot.core.instruction;

import static java.util.Objects.requireNonNull;

import dev.klingbot.kling.EditMode;

/**
 * What a recogniser read in an instruction, before any checks. In {@code elements}, an empty
 * element or subject means the instruction didn't say it ("remove"); a null replacement, subject or
 * location means "whatever the image shows" / "anywhere", filled with a default later.
 */
record Recognition(EditMode mode, Language language, EditElements elements) {
  Recognition {
    requireNonNull(mode, "mode is null");
    requireNonNull(language, "language is null");
    requireNonNull(elements, "elements is null");
  }

  /** The phrase naming the thing the edit is about: what to remove, replace or add. */
  String mainPhrase() {
    return mode == EditMode.ADDITION ? elements.subject() : elements.element();
  }
}
