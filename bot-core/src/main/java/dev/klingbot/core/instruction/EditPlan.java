package dev.klingbot.core.instruction;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.i18n.Messages;
import dev.klingbot.kling.EditMode;
import java.util.List;

/**
 * An instruction understood: what Kling should do, and the prompt it will get.
 *
 * @param elements the phrases the prompt was built from ({@link EditElements#none()} for a raw
 *     prompt)
 * @param prompt the Kling prompt, at most {@value #MAX_PROMPT_LENGTH} characters (code points)
 * @param negativePrompt what Kling should avoid, or null
 * @param imagesUsed how many of the attached reference images go to Kling, in order (removal: 0)
 * @param notices things the user should know about how their text was read, in plain words
 * @param rawPrompt whether the user wrote the Kling prompt themselves
 */
public record EditPlan(
    EditMode mode,
    EditElements elements,
    String prompt,
    String negativePrompt,
    int imagesUsed,
    List<String> notices,
    Language language,
    boolean rawPrompt) {

  /** Kling's limit for {@code prompt} and {@code negative_prompt}. */
  public static final int MAX_PROMPT_LENGTH = 2500;

  private static final int SUMMARY_PHRASE_LENGTH = 60;

  public EditPlan {
    requireNonNull(mode, "mode is null");
    requireNonNull(elements, "elements is null");
    requireNonNull(prompt, "prompt is null");
    requireNonNull(language, "language is null");
    notices = List.copyOf(notices);
    if (prompt.isBlank() || TextNormalizer.characterCount(prompt) > MAX_PROMPT_LENGTH) {
      throw new IllegalArgumentException("prompt must be 1 to 2500 characters");
    }
    if (negativePrompt != null
        && TextNormalizer.characterCount(negativePrompt) > MAX_PROMPT_LENGTH) {
      throw new IllegalArgumentException("negativePrompt must be at most 2500 characters");
    }
    if (imagesUsed < 0 || imagesUsed > mode.maxImages()) {
      throw new IllegalArgumentException(
          mode.wireName() + " takes " + mode.imageRange() + ", not " + imagesUsed);
    }
  }

  /**
   * One line for humans in the language spoken, e.g. {@code Remove “the man in the red jacket”},
   * {@code 移除“穿红夹克的男人”}.
   */
  public String summary() {
    if (rawPrompt) {
      return Messages.text("instruction.summary.raw", mode.wireName(), quoted(prompt));
    }
    return switch (mode) {
      case REMOVAL -> Messages.text("instruction.summary.removal", quoted(elements.element()));
      case SWAP ->
          Messages.text(
              "instruction.summary.swap",
              quoted(elements.element()),
              quoted(elements.replacement()));
      case ADDITION ->
          Messages.text(
              "instruction.summary.addition",
              quoted(elements.subject()),
              quoted(elements.location()));
    };
  }

  private static String quoted(String phrase) {
    return TextNormalizer.abbreviate(phrase == null ? "" : phrase, SUMMARY_PHRASE_LENGTH);
  }
}
