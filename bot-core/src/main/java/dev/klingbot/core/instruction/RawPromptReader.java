package dev.klingbot.core.instruction;

import static dev.klingbot.core.instruction.Placeholders.IMAGE_1;
import static dev.klingbot.core.instruction.Placeholders.IMAGE_2;

import dev.klingbot.kling.EditMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A prompt the user wrote for Kling themselves (it contains {@code <<<video_1>>>}): used as
 * written, after checking its placeholders against the attached images. The mode comes from its
 * words and placeholders: swap/replace/换/替换 → swap; otherwise an image placeholder (or add/添加) →
 * addition; otherwise removal.
 */
final class RawPromptReader {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  private static final Pattern SWAP_WORD =
      Pattern.compile("\\b(?:swap|swapping|replace|replacing|substitute)\\b|换|替代|代替|取代", FLAGS);
  private static final Pattern ADD_WORD =
      Pattern.compile("\\b(?:add|adding|insert|inserting)\\b|添加|加入|加上", FLAGS);
  private static final Pattern REMOVE_WORD =
      Pattern.compile("\\b(?:delete|remove|erase|eliminate)\\b|删除|去掉|去除|移除|抹掉|擦掉|删掉", FLAGS);

  private RawPromptReader() {}

  static ParseResult read(String prompt, int imageCount) {
    for (String token : Placeholders.find(prompt)) {
      if (!Placeholders.KNOWN.contains(token)) {
        return Refusals.unknownPlaceholder(token);
      }
    }
    int named = Placeholders.highestImage(prompt);
    if (named > imageCount) {
      return Refusals.imageNotAttached(named == 2 ? IMAGE_2 : IMAGE_1, imageCount);
    }
    EditMode mode;
    if (SWAP_WORD.matcher(prompt).find()) {
      mode = EditMode.SWAP;
    } else if (named > 0) {
      if (REMOVE_WORD.matcher(prompt).find() && !ADD_WORD.matcher(prompt).find()) {
        return Refusals.rawRemovalWithImage(named == 2 ? IMAGE_2 : IMAGE_1);
      }
      mode = EditMode.ADDITION;
    } else if (ADD_WORD.matcher(prompt).find()) {
      mode = EditMode.ADDITION;
    } else {
      mode = EditMode.REMOVAL;
    }

    List<String> notices = new ArrayList<>();
    int imagesUsed = 0;
    if (mode == EditMode.REMOVAL) {
      if (imageCount > 0) {
        notices.add(ImageNotices.removalLeftOut(imageCount));
      }
    } else {
      if (imageCount < mode.minImages()) {
        return Refusals.imagesMissing(mode, true);
      }
      if (imageCount > mode.maxImages()) {
        return Refusals.tooManyImages(mode, imageCount);
      }
      if (named == 0) {
        return Refusals.rawNeedsImagePlaceholder(mode);
      }
      imagesUsed = named;
      if (imageCount > named) {
        notices.add(ImageNotices.notNamedLeftOut(named, imageCount));
      }
    }
    int length = TextNormalizer.characterCount(prompt);
    if (length > EditPlan.MAX_PROMPT_LENGTH) {
      return Refusals.promptTooLong(length);
    }
    Language language = Scripts.hasHan(prompt) ? Language.CHINESE : Language.ENGLISH;
    return new ParseResult.Planned(
        new EditPlan(mode, EditElements.none(), prompt, null, imagesUsed, notices, language, true));
  }
}
