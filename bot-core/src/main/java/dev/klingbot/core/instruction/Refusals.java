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
    return notAnEdit("instruction.refusal.not.an.edit", instruction, EditMode.SWAP, language);
  }

  static Refused notVisual(EditMode mode, String phrase, Language language) {
    return notAnEdit("instruction.refusal.not.visual." + mode.wireName(), phrase, mode, language);
  }

  /**
   * Camera shake, flicker, blur, grain or noise ("remove the shaky camera", "stabilise the video",
   * 去掉画面抖动): how the video was filmed, which Kling's edits can't change.
   */
  static Refused cameraQuality(String words, Language language) {
    return notAnEdit("instruction.refusal.camera.quality", words, EditMode.REMOVAL, language);
  }

  /** More than one edit (or an edit plus another request) in one instruction. */
  static Refused severalEdits(String instruction, Language language) {
    return notAnEdit("instruction.refusal.several.edits", instruction, EditMode.REMOVAL, language);
  }

  /** Words that are no edit: message {@code key} quotes them and ends with an example. */
  private static Refused notAnEdit(
      String key, String words, EditMode exampleMode, Language language) {
    Lang lang = lang(language);
    return new Refused(
        RefusalReason.NOT_AN_EDIT,
        Messages.text(lang, key, echo(words), example(exampleMode, lang)));
  }

  static Refused vague(EditMode mode, String phrase, Language language) {
    Lang lang = lang(language);
    String key = "instruction.refusal.vague." + mode.wireName();
    String message =
        phrase.isBlank()
            ? Messages.text(lang, key + ".blank", example(mode, lang))
            : Messages.text(lang, key, echo(phrase), example(mode, lang));
    return new Refused(RefusalReason.NOT_AN_EDIT, message);
  }

  /** Too few images for {@code mode}, in the user's language. */
  static Refused imagesMissing(EditMode mode, boolean raw) {
    return imagesMissing(mode, raw, Language.ENGLISH);
  }

  static Refused imagesMissing(EditMode mode, boolean raw, Language language) {
    Lang lang = lang(language);
    EditMode wanted = mode == EditMode.SWAP ? EditMode.SWAP : EditMode.ADDITION;
    return new Refused(
        RefusalReason.IMAGES_MISSING,
        Messages.text(
            lang,
            "instruction.refusal.images.missing." + wanted.wireName(),
            raw ? rawExample(wanted, lang) : example(wanted, lang)));
  }

  /** Too many images for {@code mode}, in the user's language. */
  static Refused tooManyImages(EditMode mode, int attached) {
    return tooManyImages(mode, attached, Language.ENGLISH);
  }

  static Refused tooManyImages(EditMode mode, int attached, Language language) {
    return new Refused(
        RefusalReason.TOO_MANY_IMAGES,
        Messages.text(
            lang(language),
            mode == EditMode.SWAP
                ? "instruction.refusal.too.many.images.swap"
                : "instruction.refusal.too.many.images.addition",
            String.valueOf(attached)));
  }

  /** A prompt over Kling's length, in the user's language. */
  static Refused promptTooLong(int length) {
    return tooLong("instruction.refusal.prompt.too.long", length, Language.ENGLISH);
  }

  static Refused promptTooLong(int length, Language language) {
    return tooLong("instruction.refusal.prompt.too.long", length, language);
  }

  static Refused instructionTooLong(int length, Language language) {
    return tooLong("instruction.refusal.instruction.too.long", length, language);
  }

  private static Refused tooLong(String key, int length, Language language) {
    Lang lang = lang(language);
    return new Refused(
        RefusalReason.PROMPT_TOO_LONG,
        Messages.text(
            lang,
            key,
            String.valueOf(length),
            String.valueOf(EditPlan.MAX_PROMPT_LENGTH),
            example(EditMode.REMOVAL, lang)));
  }

  /**
   * {@code refused} offering {@code suggestion} as a one-click fix: the message ends with "Did you
   * mean: …?" (Chinese: "你是不是想说：…？").
   */
  static Refused withSuggestion(Refused refused, String suggestion, Language language) {
    Lang lang = lang(language);
    String offer = Messages.text(lang, "instruction.refusal.did.you.mean", suggestion);
    String message = refused.message();
    String separator =
        lang == Lang.ZH ? (message.endsWith("。") ? "" : "。") : (message.endsWith(".") ? " " : ". ");
    return new Refused(
        refused.reason(), message + separator + offer, java.util.Optional.of(suggestion));
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

  /**
   * The language of a refusal: Chinese for an instruction written in Chinese, else the user's
   * language.
   */
  private static Lang lang(Language language) {
    return language == Language.CHINESE ? Lang.ZH : Messages.current();
  }

  /** The example instruction for {@code mode}, in the user's language. */
  private static String example(EditMode mode) {
    return example(mode, Messages.current());
  }

  private static String example(EditMode mode, Lang lang) {
    return Messages.text(lang, "instruction.example." + mode.wireName());
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
