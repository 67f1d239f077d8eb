package dev.klingbot.core.instruction;

import dev.klingbot.core.instruction.ParseResult.Refused;
import dev.klingbot.kling.EditMode;

/**
 * The words of every refusal: what is wrong, what to write or attach instead, and an example in
 * quotes at the end. The bot's interface is English, so these are too.
 */
final class Refusals {
  private static final String REMOVAL_EXAMPLE = "“remove the man in the red jacket”";
  private static final String SWAP_EXAMPLE =
      "“replace the red car with the blue truck in this photo”";
  private static final String ADDITION_EXAMPLE = "“add this hat to the man”";
  private static final String RAW_REMOVAL_EXAMPLE = "“Delete the red car from <<<video_1>>>”";
  private static final String RAW_SWAP_EXAMPLE =
      "“Swap the dog from <<<image_1>>> for the cat from <<<video_1>>>”";
  private static final String RAW_ADDITION_EXAMPLE =
      "“Using the context of <<<video_1>>>, seamlessly add the hat from <<<image_1>>> to the man”";
  private static final int ECHO_LENGTH = 60;

  private Refusals() {}

  static Refused empty() {
    return new Refused(
        RefusalReason.EMPTY,
        "Your instruction is empty. Say what to remove, swap or add in the video, for example "
            + REMOVAL_EXAMPLE);
  }

  static Refused notAnEdit(String instruction) {
    return new Refused(
        RefusalReason.NOT_AN_EDIT,
        "I can't turn "
            + echo(instruction)
            + " into an edit: I can remove something from the video, swap it for the thing in an"
            + " attached picture, or add the thing in an attached picture. Name the thing and what"
            + " to do with it, for example “remove the red car” or "
            + SWAP_EXAMPLE);
  }

  static Refused notVisual(EditMode mode, String phrase) {
    return new Refused(
        RefusalReason.NOT_AN_EDIT,
        "Kling edits things you can see in the picture, not sound, colour, speed or length, so "
            + echo(phrase)
            + " can't be "
            + pastTense(mode)
            + ". Name an object instead, for example "
            + example(mode));
  }

  static Refused vague(EditMode mode, String phrase) {
    String what =
        switch (mode) {
          case REMOVAL -> "Tell me what to remove";
          case SWAP -> "Tell me what to replace";
          case ADDITION -> "Tell me what to add and where";
        };
    String why = phrase.isBlank() ? "." : ": " + echo(phrase) + " doesn't say which thing.";
    return new Refused(
        RefusalReason.NOT_AN_EDIT, what + why + " Describe it, for example " + example(mode));
  }

  static Refused imagesMissing(EditMode mode, boolean raw) {
    String message =
        mode == EditMode.SWAP
            ? "To swap something I need a picture of the new element: attach one image and say"
                + " what it replaces, for example "
                + (raw ? RAW_SWAP_EXAMPLE : SWAP_EXAMPLE)
            : "To add something I need a picture of it: attach one or two images and say where it"
                + " goes, for example "
                + (raw ? RAW_ADDITION_EXAMPLE : ADDITION_EXAMPLE);
    return new Refused(RefusalReason.IMAGES_MISSING, message);
  }

  static Refused tooManyImages(EditMode mode, int attached) {
    String message =
        mode == EditMode.SWAP
            ? "A swap takes exactly 1 reference image, but you attached "
                + attached
                + ". Attach only the picture of the new element, for example “swap the cat for the"
                + " dog in this photo”"
            : "An addition takes 1 or 2 reference images, but you attached "
                + attached
                + ". Attach at most two pictures of what to add, for example “add the hat and the"
                + " scarf from these pictures to the man”";
    return new Refused(RefusalReason.TOO_MANY_IMAGES, message);
  }

  static Refused promptTooLong(int length) {
    return new Refused(
        RefusalReason.PROMPT_TOO_LONG,
        "The prompt would be "
            + length
            + " characters long, and Kling takes at most "
            + EditPlan.MAX_PROMPT_LENGTH
            + ". Describe the elements in fewer words, for example "
            + REMOVAL_EXAMPLE);
  }

  static Refused instructionTooLong(int length) {
    return new Refused(
        RefusalReason.PROMPT_TOO_LONG,
        "Your instruction is "
            + length
            + " characters long, and a Kling prompt can have at most "
            + EditPlan.MAX_PROMPT_LENGTH
            + ". Describe the edit in a sentence, for example "
            + REMOVAL_EXAMPLE);
  }

  static Refused negativePromptTooLong(int length) {
    return new Refused(
        RefusalReason.PROMPT_TOO_LONG,
        "The negative prompt is "
            + length
            + " characters long, and Kling takes at most "
            + EditPlan.MAX_PROMPT_LENGTH
            + ". List only what to avoid, for example “blurry, distorted faces, extra fingers”");
  }

  static Refused unknownPlaceholder(String token) {
    boolean complete = token.startsWith("<<<") && token.endsWith(">>>");
    return new Refused(
        RefusalReason.BAD_PLACEHOLDER,
        "“"
            + TextNormalizer.abbreviate(token, ECHO_LENGTH)
            + (complete
                ? "” is not a placeholder Kling knows"
                : "” doesn't make a complete placeholder")
            + "; use only <<<video_1>>>, <<<image_1>>> and <<<image_2>>>, written exactly so, for"
            + " example "
            + RAW_REMOVAL_EXAMPLE);
  }

  static Refused imageNotAttached(String token, int attached) {
    return new Refused(
        RefusalReason.BAD_PLACEHOLDER,
        "Your prompt uses “"
            + token
            + "” but you attached "
            + (attached == 0 ? "no image" : attached == 1 ? "1 image" : attached + " images")
            + ". Attach the image it names or take the placeholder out, for example "
            + RAW_SWAP_EXAMPLE);
  }

  static Refused rawNeedsImagePlaceholder(EditMode mode) {
    String message =
        mode == EditMode.SWAP
            ? "A swap prompt has to name the new element's picture as <<<image_1>>>, for example "
                + RAW_SWAP_EXAMPLE
            : "An addition prompt has to name the picture of what to add as <<<image_1>>>, for"
                + " example "
                + RAW_ADDITION_EXAMPLE;
    return new Refused(RefusalReason.BAD_PLACEHOLDER, message);
  }

  static Refused rawRemovalWithImage(String token) {
    return new Refused(
        RefusalReason.BAD_PLACEHOLDER,
        "A removal takes no reference image, so the prompt can't use “"
            + token
            + "”. Take it out, for example "
            + RAW_REMOVAL_EXAMPLE);
  }

  private static String example(EditMode mode) {
    return switch (mode) {
      case REMOVAL -> REMOVAL_EXAMPLE;
      case SWAP -> SWAP_EXAMPLE;
      case ADDITION -> ADDITION_EXAMPLE;
    };
  }

  private static String pastTense(EditMode mode) {
    return switch (mode) {
      case REMOVAL -> "removed";
      case SWAP -> "swapped";
      case ADDITION -> "added";
    };
  }

  private static String echo(String text) {
    return "“" + TextNormalizer.abbreviate(text.strip(), ECHO_LENGTH) + "”";
  }
}
