package dev.klingbot.core.instruction;

import dev.klingbot.core.i18n.Lang;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.instruction.ParseResult.Refused;
import dev.klingbot.kling.EditMode;

/**
 * The words of every refusal: what is wrong, what to write or attach instead, and an example in
 * quotes at the end. A refusal of a Chinese instruction is in Chinese, of any other in the user's
 * language ({@link Messages#current()}); the texts are the {@code instruction.refusal.*} messages.
 */
final class Refusals {
  private static final int ECHO_LENGTH = 60;

  private Refusals() {}

  static Refused empty() {
    return new Refused(
        RefusalReason.EMPTY, Messages.text("instruction.refusal.empty", example(EditMode.REMOVAL)));
  }

  static Refused notAnEdit(String instruction, Language language) {
    if (language == Language.CHINESE) {
      return new Refused(
          RefusalReason.NOT_AN_EDIT,
          Messages.text(
              Lang.ZH,
              "instruction.refusal.not.an.edit",
              echo(instruction),
              exampleZh(EditMode.SWAP)));
    }
    return notAnEdit(instruction);
  }

  static Refused notAnEdit(String instruction) {
    return new Refused(
        RefusalReason.NOT_AN_EDIT,
        Messages.text(
            "instruction.refusal.not.an.edit", echo(instruction), example(EditMode.SWAP)));
  }

  static Refused notVisual(EditMode mode, String phrase, Language language) {
    if (language == Language.CHINESE) {
      return new Refused(
          RefusalReason.NOT_AN_EDIT,
          Messages.text(
              Lang.ZH,
              "instruction.refusal.not.visual." + mode.wireName(),
              echo(phrase),
              exampleZh(mode)));
    }
    return notVisual(mode, phrase);
  }

  static Refused notVisual(EditMode mode, String phrase) {
    return new Refused(
        RefusalReason.NOT_AN_EDIT,
        Messages.text(
            "instruction.refusal.not.visual." + mode.wireName(), echo(phrase), example(mode)));
  }

  static Refused vague(EditMode mode, String phrase, Language language) {
    if (language == Language.CHINESE) {
      String message =
          phrase.isBlank()
              ? Messages.text(
                  Lang.ZH,
                  "instruction.refusal.vague." + mode.wireName() + ".blank",
                  exampleZh(mode))
              : Messages.text(
                  Lang.ZH,
                  "instruction.refusal.vague." + mode.wireName(),
                  echo(phrase),
                  exampleZh(mode));
      return new Refused(RefusalReason.NOT_AN_EDIT, message);
    }
    return vague(mode, phrase);
  }

  static Refused vague(EditMode mode, String phrase) {
    String message =
        phrase.isBlank()
            ? Messages.text(
                "instruction.refusal.vague." + mode.wireName() + ".blank", example(mode))
            : Messages.text(
                "instruction.refusal.vague." + mode.wireName(), echo(phrase), example(mode));
    return new Refused(RefusalReason.NOT_AN_EDIT, message);
  }

  static Refused imagesMissing(EditMode mode, boolean raw, Language language) {
    if (language == Language.CHINESE) {
      return new Refused(
          RefusalReason.IMAGES_MISSING,
          mode == EditMode.SWAP
              ? Messages.text(
                  Lang.ZH,
                  "instruction.refusal.images.missing.swap",
                  raw ? rawExample(EditMode.SWAP, Lang.ZH) : exampleZh(EditMode.SWAP))
              : Messages.text(
                  Lang.ZH,
                  "instruction.refusal.images.missing.addition",
                  raw ? rawExample(EditMode.ADDITION, Lang.ZH) : exampleZh(EditMode.ADDITION)));
    }
    return imagesMissing(mode, raw);
  }

  static Refused imagesMissing(EditMode mode, boolean raw) {
    String message =
        mode == EditMode.SWAP
            ? Messages.text(
                "instruction.refusal.images.missing.swap",
                raw ? rawExample(EditMode.SWAP) : example(EditMode.SWAP))
            : Messages.text(
                "instruction.refusal.images.missing.addition",
                raw ? rawExample(EditMode.ADDITION) : example(EditMode.ADDITION));
    return new Refused(RefusalReason.IMAGES_MISSING, message);
  }

  static Refused tooManyImages(EditMode mode, int attached, Language language) {
    if (language == Language.CHINESE) {
      return new Refused(
          RefusalReason.TOO_MANY_IMAGES,
          Messages.text(
              Lang.ZH,
              mode == EditMode.SWAP
                  ? "instruction.refusal.too.many.images.swap"
                  : "instruction.refusal.too.many.images.addition",
              String.valueOf(attached)));
    }
    return tooManyImages(mode, attached);
  }

  static Refused tooManyImages(EditMode mode, int attached) {
    String message =
        Messages.text(
            mode == EditMode.SWAP
                ? "instruction.refusal.too.many.images.swap"
                : "instruction.refusal.too.many.images.addition",
            String.valueOf(attached));
    return new Refused(RefusalReason.TOO_MANY_IMAGES, message);
  }

  static Refused promptTooLong(int length, Language language) {
    if (language == Language.CHINESE) {
      return new Refused(
          RefusalReason.PROMPT_TOO_LONG,
          Messages.text(
              Lang.ZH,
              "instruction.refusal.prompt.too.long",
              String.valueOf(length),
              String.valueOf(EditPlan.MAX_PROMPT_LENGTH),
              exampleZh(EditMode.REMOVAL)));
    }
    return promptTooLong(length);
  }

  static Refused instructionTooLong(int length, Language language) {
    if (language == Language.CHINESE) {
      return new Refused(
          RefusalReason.PROMPT_TOO_LONG,
          Messages.text(
              Lang.ZH,
              "instruction.refusal.instruction.too.long",
              String.valueOf(length),
              String.valueOf(EditPlan.MAX_PROMPT_LENGTH),
              exampleZh(EditMode.REMOVAL)));
    }
    return instructionTooLong(length);
  }

  /** More than one edit (or an edit plus another request) in one instruction. */
  static Refused severalEdits(String instruction, Language language) {
    if (language == Language.CHINESE) {
      return new Refused(
          RefusalReason.NOT_AN_EDIT,
          Messages.text(
              Lang.ZH,
              "instruction.refusal.several.edits",
              echo(instruction),
              exampleZh(EditMode.REMOVAL)));
    }
    return new Refused(
        RefusalReason.NOT_AN_EDIT,
        Messages.text(
            "instruction.refusal.several.edits", echo(instruction), example(EditMode.REMOVAL)));
  }

  /**
   * {@code refused} offering {@code suggestion} as a one-click fix: the message ends with "Did you
   * mean: …?" (Chinese: "你是不是想说：…？").
   */
  static Refused withSuggestion(Refused refused, String suggestion, Language language) {
    Lang lang = language == Language.CHINESE ? Lang.ZH : Messages.current();
    String offer = Messages.text(lang, "instruction.refusal.did.you.mean", suggestion);
    String message = refused.message();
    String separator =
        lang == Lang.ZH ? (message.endsWith("。") ? "" : "。") : (message.endsWith(".") ? " " : ". ");
    return new Refused(
        refused.reason(), message + separator + offer, java.util.Optional.of(suggestion));
  }

  static Refused promptTooLong(int length) {
    return new Refused(
        RefusalReason.PROMPT_TOO_LONG,
        Messages.text(
            "instruction.refusal.prompt.too.long",
            String.valueOf(length),
            String.valueOf(EditPlan.MAX_PROMPT_LENGTH),
            example(EditMode.REMOVAL)));
  }

  static Refused instructionTooLong(int length) {
    return new Refused(
        RefusalReason.PROMPT_TOO_LONG,
        Messages.text(
            "instruction.refusal.instruction.too.long",
            String.valueOf(length),
            String.valueOf(EditPlan.MAX_PROMPT_LENGTH),
            example(EditMode.REMOVAL)));
  }

  static Refused negativePromptTooLong(int length) {
    return new Refused(
        RefusalReason.PROMPT_TOO_LONG,
        Messages.text(
            "instruction.refusal.negative.too.long",
            String.valueOf(length),
            String.valueOf(EditPlan.MAX_PROMPT_LENGTH)));
  }

  static Refused unknownPlaceholder(String token) {
    boolean complete = token.startsWith("<<<") && token.endsWith(">>>");
    return new Refused(
        RefusalReason.BAD_PLACEHOLDER,
        Messages.text(
            complete
                ? "instruction.refusal.unknown.placeholder"
                : "instruction.refusal.incomplete.placeholder",
            TextNormalizer.abbreviate(token, ECHO_LENGTH),
            rawExample(EditMode.REMOVAL)));
  }

  static Refused imageNotAttached(String token, int attached) {
    return new Refused(
        RefusalReason.BAD_PLACEHOLDER,
        Messages.text(
            "instruction.refusal.image.not.attached", token, attached, rawExample(EditMode.SWAP)));
  }

  static Refused rawNeedsImagePlaceholder(EditMode mode) {
    String message =
        mode == EditMode.SWAP
            ? Messages.text("instruction.refusal.raw.needs.image.swap", rawExample(EditMode.SWAP))
            : Messages.text(
                "instruction.refusal.raw.needs.image.addition", rawExample(EditMode.ADDITION));
    return new Refused(RefusalReason.BAD_PLACEHOLDER, message);
  }

  static Refused rawRemovalWithImage(String token) {
    return new Refused(
        RefusalReason.BAD_PLACEHOLDER,
        Messages.text(
            "instruction.refusal.raw.removal.with.image", token, rawExample(EditMode.REMOVAL)));
  }

  /** The example instruction for {@code mode}, in the user's language. */
  private static String example(EditMode mode) {
    return Messages.text("instruction.example." + mode.wireName());
  }

  /** The example instruction for {@code mode}, in Chinese. */
  private static String exampleZh(EditMode mode) {
    return Messages.text(Lang.ZH, "instruction.example." + mode.wireName());
  }

  /** The example raw prompt (with placeholders) for {@code mode}, in the user's language. */
  private static String rawExample(EditMode mode) {
    return rawExample(mode, Messages.current());
  }

  private static String rawExample(EditMode mode, Lang lang) {
    return Messages.text(lang, "instruction.example.raw." + mode.wireName());
  }

  private static String echo(String text) {
    return "“" + TextNormalizer.abbreviate(text.strip(), ECHO_LENGTH) + "”";
  }
}
