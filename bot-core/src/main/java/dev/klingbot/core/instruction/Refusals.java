package dev.klingbot.core.instruction;

import dev.klingbot.core.instruction.ParseResult.Refused;
import dev.klingbot.kling.EditMode;

/**
 * The words of every refusal: what is wrong, what to write or attach instead, and an example in
 * quotes at the end. A refusal of a Chinese instruction is in Chinese, of any other in English.
 */
final class Refusals {
  private static final String REMOVAL_EXAMPLE_ZH = "“删除穿红衣服的男人”";
  private static final String SWAP_EXAMPLE_ZH = "“把红色的车换成图片里的蓝色卡车”";
  private static final String ADDITION_EXAMPLE_ZH = "“给男人戴上图片里的帽子”";
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

  static Refused notAnEdit(String instruction, Language language) {
    if (language == Language.CHINESE) {
      return new Refused(
          RefusalReason.NOT_AN_EDIT,
          "我没法把"
              + echo(instruction)
              + "变成一次编辑：我可以删除视频里的东西、用附图里的东西替换它，或者把附图里的东西加进视频。请写出是什么东西、要怎么做，例如“删除红色的车”或"
              + SWAP_EXAMPLE_ZH);
    }
    return notAnEdit(instruction);
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

  static Refused notVisual(EditMode mode, String phrase, Language language) {
    if (language == Language.CHINESE) {
      return new Refused(
          RefusalReason.NOT_AN_EDIT,
          "Kling 只能编辑画面里看得见的东西，不能改声音、颜色、速度或时长，所以"
              + echo(phrase)
              + "没法"
              + verbZh(mode)
              + "。请换成一个物体，例如"
              + exampleZh(mode));
    }
    return notVisual(mode, phrase);
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

  static Refused vague(EditMode mode, String phrase, Language language) {
    if (language == Language.CHINESE) {
      String what =
          switch (mode) {
            case REMOVAL -> "请告诉我要删除什么";
            case SWAP -> "请告诉我要替换什么";
            case ADDITION -> "请告诉我要添加什么、加到哪里";
          };
      String why = phrase.isBlank() ? "。" : "：" + echo(phrase) + "没说是哪一个。";
      return new Refused(RefusalReason.NOT_AN_EDIT, what + why + "请描述一下，例如" + exampleZh(mode));
    }
    return vague(mode, phrase);
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

  static Refused imagesMissing(EditMode mode, boolean raw, Language language) {
    if (language == Language.CHINESE) {
      return new Refused(
          RefusalReason.IMAGES_MISSING,
          mode == EditMode.SWAP
              ? "要替换东西，我需要一张新东西的图片：请附上一张图片，并说明它替换什么，例如"
                  + (raw ? "“用<<<image_1>>>中的狗替换<<<video_1>>>中的猫”" : SWAP_EXAMPLE_ZH)
              : "要添加东西，我需要它的图片：请附上一到两张图片，并说明加到哪里，例如"
                  + (raw
                      ? "“参考<<<video_1>>>的画面，将<<<image_1>>>中的帽子自然地添加到男人头上”"
                      : ADDITION_EXAMPLE_ZH));
    }
    return imagesMissing(mode, raw);
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

  static Refused tooManyImages(EditMode mode, int attached, Language language) {
    if (language == Language.CHINESE) {
      return new Refused(
          RefusalReason.TOO_MANY_IMAGES,
          mode == EditMode.SWAP
              ? "替换只能用 1 张参考图，但你附上了 " + attached + " 张。请只附上新东西的图片，例如" + SWAP_EXAMPLE_ZH
              : "添加最多用 2 张参考图，但你附上了 " + attached + " 张。请最多附上两张要添加的东西的图片，例如“把图片里的帽子和围巾加到男人身上”");
    }
    return tooManyImages(mode, attached);
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

  static Refused promptTooLong(int length, Language language) {
    if (language == Language.CHINESE) {
      return new Refused(
          RefusalReason.PROMPT_TOO_LONG,
          "提示词会有 "
              + length
              + " 个字符，而 Kling 最多接受 "
              + EditPlan.MAX_PROMPT_LENGTH
              + " 个。请用更少的字描述要编辑的东西，例如"
              + REMOVAL_EXAMPLE_ZH);
    }
    return promptTooLong(length);
  }

  static Refused instructionTooLong(int length, Language language) {
    if (language == Language.CHINESE) {
      return new Refused(
          RefusalReason.PROMPT_TOO_LONG,
          "你的指令有 "
              + length
              + " 个字符，而 Kling 的提示词最多 "
              + EditPlan.MAX_PROMPT_LENGTH
              + " 个。请用一句话说明要怎么编辑，例如"
              + REMOVAL_EXAMPLE_ZH);
    }
    return instructionTooLong(length);
  }

  /** More than one edit (or an edit plus another request) in one instruction. */
  static Refused severalEdits(String instruction, Language language) {
    if (language == Language.CHINESE) {
      return new Refused(
          RefusalReason.NOT_AN_EDIT,
          "我在"
              + echo(instruction)
              + "里读到了不止一个要求，而一次只能做一个编辑：删除、替换或添加。请一次写一个，例如"
              + REMOVAL_EXAMPLE_ZH);
    }
    return new Refused(
        RefusalReason.NOT_AN_EDIT,
        "I read more than one request in "
            + echo(instruction)
            + ", and one edit does one thing: remove, swap or add. Write one at a time, for example "
            + REMOVAL_EXAMPLE);
  }

  /**
   * {@code refused} offering {@code suggestion} as a one-click fix: the message ends with "Did you
   * mean: …?" (Chinese: "你是不是想说：…？").
   */
  static Refused withSuggestion(Refused refused, String suggestion, Language language) {
    String offer =
        language == Language.CHINESE
            ? "你是不是想说：" + suggestion + "？"
            : "Did you mean: " + suggestion + "?";
    String message = refused.message();
    String separator =
        language == Language.CHINESE
            ? (message.endsWith("。") ? "" : "。")
            : (message.endsWith(".") ? " " : ". ");
    return new Refused(
        refused.reason(), message + separator + offer, java.util.Optional.of(suggestion));
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

  private static String exampleZh(EditMode mode) {
    return switch (mode) {
      case REMOVAL -> REMOVAL_EXAMPLE_ZH;
      case SWAP -> SWAP_EXAMPLE_ZH;
      case ADDITION -> ADDITION_EXAMPLE_ZH;
    };
  }

  private static String verbZh(EditMode mode) {
    return switch (mode) {
      case REMOVAL -> "删除";
      case SWAP -> "替换";
      case ADDITION -> "添加";
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
