package dev.klingbot.core.instruction;

import static dev.klingbot.core.instruction.Placeholders.IMAGE_1;
import static dev.klingbot.core.instruction.Placeholders.IMAGE_2;
import static dev.klingbot.core.instruction.Placeholders.VIDEO;

import dev.klingbot.core.i18n.Lang;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.kling.EditMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * What makes an admin's prompt template usable for a mode, as plain-word problems in the admin's
 * language (the {@code instruction.template.*} messages).
 */
final class TemplateRules {
  static final int MAX_TEMPLATE_LENGTH = 2000;

  private TemplateRules() {}

  static List<String> problems(EditMode mode, String template) {
    if (template == null || template.isBlank()) {
      return List.of(
          Messages.text(
              "instruction.template.empty",
              PromptTemplates.defaultTemplate(
                  mode, Messages.current() == Lang.ZH ? Language.CHINESE : Language.ENGLISH)));
    }
    List<String> problems = new ArrayList<>();
    int length = TextNormalizer.characterCount(template);
    if (length > MAX_TEMPLATE_LENGTH) {
      problems.add(
          Messages.text(
              "instruction.template.too.long",
              String.valueOf(length),
              String.valueOf(MAX_TEMPLATE_LENGTH)));
    }
    placeholderProblems(template, problems);
    Set<TemplateVariable> used = variableProblems(mode, template, problems);
    if (!template.contains(VIDEO)) {
      problems.add(Messages.text("instruction.template.no.video"));
    }
    boolean namesImage = template.contains(IMAGE_1) || used.contains(TemplateVariable.IMAGES);
    switch (mode) {
      case REMOVAL -> {
        if (namesImage || template.contains(IMAGE_2)) {
          problems.add(
              Messages.text(
                  "instruction.template.removal.images", TemplateVariable.IMAGES.token()));
        }
        if (!used.contains(TemplateVariable.ELEMENT)) {
          problems.add(
              Messages.text(
                  "instruction.template.removal.element", TemplateVariable.ELEMENT.token()));
        }
      }
      case SWAP -> {
        if (!namesImage) {
          problems.add(Messages.text("instruction.template.swap.image"));
        }
        if (template.contains(IMAGE_2)) {
          problems.add(Messages.text("instruction.template.swap.second.image"));
        }
        if (!used.contains(TemplateVariable.ORIGINAL) && !used.contains(TemplateVariable.ELEMENT)) {
          problems.add(
              Messages.text(
                  "instruction.template.swap.original", TemplateVariable.ORIGINAL.token()));
        }
      }
      case ADDITION -> {
        if (!namesImage) {
          problems.add(
              Messages.text(
                  "instruction.template.addition.image", TemplateVariable.IMAGES.token()));
        }
        if (template.contains(IMAGE_2)) {
          problems.add(
              Messages.text(
                  "instruction.template.addition.second.image", TemplateVariable.IMAGES.token()));
        }
      }
    }
    return List.copyOf(problems);
  }

  private static void placeholderProblems(String template, List<String> problems) {
    for (String token : new LinkedHashSet<>(Placeholders.find(template))) {
      if (Placeholders.KNOWN.contains(token)) {
        continue;
      }
      if (token.startsWith("<<<") && token.endsWith(">>>")) {
        problems.add(Messages.text("instruction.template.unknown.placeholder", token));
      } else {
        problems.add(Messages.text("instruction.template.incomplete.placeholder", token));
      }
    }
  }

  /** Reports unknown variables and ones the mode has no value for; returns the usable ones. */
  private static Set<TemplateVariable> variableProblems(
      EditMode mode, String template, List<String> problems) {
    Set<TemplateVariable> used = new LinkedHashSet<>();
    Set<String> reported = new LinkedHashSet<>();
    Matcher matcher = TemplateRenderer.VARIABLE.matcher(template);
    while (matcher.find()) {
      Optional<TemplateVariable> variable = TemplateVariable.named(matcher.group(1));
      if (variable.isEmpty()) {
        if (reported.add(matcher.group())) {
          problems.add(
              Messages.text(
                  "instruction.template.unknown.variable",
                  matcher.group(),
                  TemplateVariable.listForMessages()));
        }
      } else if (!variable.get().hasValueIn(mode)) {
        if (reported.add(matcher.group())) {
          problems.add(
              Messages.text(
                  "instruction.template.no.value." + mode.wireName(),
                  matcher.group(),
                  usableIn(mode)));
        }
      } else {
        used.add(variable.get());
      }
    }
    return used;
  }

  private static String usableIn(EditMode mode) {
    List<String> tokens = new ArrayList<>();
    for (TemplateVariable variable : TemplateVariable.values()) {
      if (variable.hasValueIn(mode)) {
        tokens.add(variable.token());
      }
    }
    return String.join(", ", tokens);
  }
}
