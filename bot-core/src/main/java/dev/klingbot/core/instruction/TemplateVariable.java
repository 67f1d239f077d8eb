package dev.klingbot.core.instruction;

import dev.klingbot.kling.EditMode;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The {@code {variables}} a prompt template may use, and the edit modes that give each a value. */
enum TemplateVariable {
  ELEMENT("element", Set.of(EditMode.REMOVAL, EditMode.SWAP)),
  ORIGINAL("original", Set.of(EditMode.SWAP)),
  REPLACEMENT("replacement", Set.of(EditMode.SWAP)),
  SUBJECT("subject", Set.of(EditMode.ADDITION)),
  LOCATION("location", Set.of(EditMode.ADDITION)),
  IMAGES("images", Set.of(EditMode.SWAP, EditMode.ADDITION));

  private final String name;
  private final Set<EditMode> modes;

  TemplateVariable(String name, Set<EditMode> modes) {
    this.name = name;
    this.modes = modes;
  }

  /** As written in a template, e.g. {@code {element}}. */
  String token() {
    return "{" + name + "}";
  }

  boolean hasValueIn(EditMode mode) {
    return modes.contains(mode);
  }

  static Optional<TemplateVariable> named(String name) {
    return Arrays.stream(values()).filter(v -> v.name.equals(name)).findFirst();
  }

  /** "{element}, {original}, …" for messages. */
  static String listForMessages() {
    return String.join(", ", Arrays.stream(values()).map(TemplateVariable::token).toList());
  }
}
