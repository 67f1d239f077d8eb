package dev.klingbot.core.instruction;

import static dev.klingbot.core.instruction.Placeholders.IMAGE_1;
import static dev.klingbot.core.instruction.Placeholders.IMAGE_2;
import static dev.klingbot.core.instruction.Placeholders.VIDEO;

import dev.klingbot.kling.EditMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/** What makes an admin's prompt template usable for a mode, as plain-word problems. */
final class TemplateRules {
  static final int MAX_TEMPLATE_LENGTH = 2000;

  private TemplateRules() {}

  static List<String> problems(EditMode mode, String template) {
    if (template == null || template.isBlank()) {
      return List.of(
          "The template is empty; write the prompt Kling should get, for example “"
              + PromptTemplates.defaultTemplate(mode, Language.ENGLISH)
              + "”.");
    }
    List<String> problems = new ArrayList<>();
    int length = TextNormalizer.characterCount(template);
    if (length > MAX_TEMPLATE_LENGTH) {
      problems.add(
          "It is "
              + length
              + " characters long; a template can have at most "
              + MAX_TEMPLATE_LENGTH
              + ".");
    }
    placeholderProblems(template, problems);
    Set<TemplateVariable> used = variableProblems(mode, template, problems);
    if (!template.contains(VIDEO)) {
      problems.add("It must contain <<<video_1>>>, which tells Kling which video to edit.");
    }
    boolean namesImage = template.contains(IMAGE_1) || used.contains(TemplateVariable.IMAGES);
    switch (mode) {
      case REMOVAL -> {
        if (namesImage || template.contains(IMAGE_2)) {
          problems.add(
              "A removal template must not mention reference images (<<<image_1>>>, <<<image_2>>>"
                  + " or {images}): removal uses none.");
        }
        if (!used.contains(TemplateVariable.ELEMENT)) {
          problems.add("It must contain {element}, the thing to remove.");
        }
      }
      case SWAP -> {
        if (!namesImage) {
          problems.add(
              "A swap template must contain <<<image_1>>>, the picture of the new element.");
        }
        if (template.contains(IMAGE_2)) {
          problems.add("A swap template must not contain <<<image_2>>>: a swap takes one image.");
        }
        if (!used.contains(TemplateVariable.ORIGINAL) && !used.contains(TemplateVariable.ELEMENT)) {
          problems.add("It must contain {original}, the thing in the video being replaced.");
        }
      }
      case ADDITION -> {
        if (!namesImage) {
          problems.add(
              "An addition template must contain {images} or <<<image_1>>>, the picture of what"
                  + " to add.");
        }
        if (template.contains(IMAGE_2)) {
          problems.add(
              "Write {images} instead of <<<image_2>>>: the second image is optional, and {images}"
                  + " names both images when there are two.");
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
        problems.add(
            "“"
                + token
                + "” is not a Kling placeholder; use <<<video_1>>>, <<<image_1>>> or"
                + " <<<image_2>>>.");
      } else {
        problems.add(
            "“"
                + token
                + "” does not make a complete placeholder; write them exactly as <<<video_1>>>,"
                + " <<<image_1>>> or <<<image_2>>>.");
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
              "“"
                  + matcher.group()
                  + "” is not a variable; use "
                  + TemplateVariable.listForMessages()
                  + ".");
        }
      } else if (!variable.get().hasValueIn(mode)) {
        if (reported.add(matcher.group())) {
          problems.add(
              "“"
                  + matcher.group()
                  + "” has no value in "
                  + (mode == EditMode.ADDITION ? "an " : "a ")
                  + mode.wireName()
                  + " edit; use "
                  + usableIn(mode)
                  + ".");
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
