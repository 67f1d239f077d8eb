package dev.klingbot.core.instruction;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two things to add from two images ("the hat and the flag"): each is named with its own image,
 * "the hat from <<<image_1>>> and the flag from <<<image_2>>>", not both with both images. Used
 * with the default addition templates, whose wording it knows.
 */
final class ImagePairing {
  private static final Pattern ENGLISH_AND =
      Pattern.compile(
          "^(.+?)(?:\\s+and\\s+|\\s*,\\s*|\\s*&\\s*|\\s+plus\\s+)(.+)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern CHINESE_AND = Pattern.compile("^(.+?)(?:和|与|跟|以及|还有|、)(.+)$");
  private static final Pattern DETERMINER =
      Pattern.compile("^(?:the|a|an|some|my|his|her|their|two|one)\\s", Pattern.CASE_INSENSITIVE);
  private static final Pattern AND_ANYWHERE = Pattern.compile("(?i)\\sand\\s|,|&|和|与|跟|以及|还有|、");

  /** "… from the second one", "… in pic 2": which image, said after the thing. */
  private static final Pattern ORDINAL_POINTER =
      Pattern.compile(
          "\\s+(?:from|in|on|of)\\s+(?:the\\s+)?(?:first|second|1st|2nd|other|last|next)\\s+one$",
          Pattern.CASE_INSENSITIVE);

  private ImagePairing() {}

  private static String withoutImagePointer(String phrase) {
    String stripped =
        EnglishPhrases.stripPointers(ORDINAL_POINTER.matcher(phrase).replaceFirst(""));
    return stripped.isEmpty() ? phrase : stripped;
  }

  /** The {subject} and {images} values that pair each thing with its image, if there are two. */
  static Optional<Map<TemplateVariable, String>> pair(String subject, Language language) {
    return pair(subject, null, language);
  }

  /** 左边和右边: one place for each thing, in order. */
  private static final Pattern TWO_PLACES_CHINESE = Pattern.compile("^[^和与跟、]+(?:和|与|、)[^和与跟、]+$");

  /**
   * The same, and with two places for the two things ("左边和右边") the Chinese prompt says 分别
   * (respectively): "将<<<image_1>>>中的台灯和<<<image_2>>>中的绿植分别自然地添加到左边和右边".
   */
  static Optional<Map<TemplateVariable, String>> pair(
      String subject, String location, Language language) {
    if (subject == null) {
      return Optional.empty();
    }
    boolean respectively =
        language == Language.CHINESE
            && location != null
            && TWO_PLACES_CHINESE.matcher(location).matches();
    Map<TemplateVariable, String> values = new EnumMap<>(TemplateVariable.class);
    if (language == Language.CHINESE) {
      Matcher matcher = CHINESE_AND.matcher(subject);
      if (!matcher.matches() || AND_ANYWHERE.matcher(matcher.group(2)).find()) {
        return Optional.empty();
      }
      values.put(TemplateVariable.IMAGES, Placeholders.IMAGE_1);
      values.put(
          TemplateVariable.SUBJECT,
          matcher.group(1)
              + "和"
              + Placeholders.IMAGE_2
              + "中的"
              + Objects.requireNonNullElse(
                  ChinesePhrases.imageSide(matcher.group(2)), matcher.group(2))
              + (respectively ? "分别" : ""));
      return Optional.of(values);
    }
    Matcher matcher = ENGLISH_AND.matcher(subject);
    if (!matcher.matches() || AND_ANYWHERE.matcher(matcher.group(2)).find()) {
      return Optional.empty();
    }
    // "the hat from the first photo and the scarf from the second one": the images are named anyway
    String first = withoutImagePointer(matcher.group(1).strip());
    String second = withoutImagePointer(matcher.group(2).strip());
    if (!DETERMINER.matcher(second).find() && first.toLowerCase().startsWith("the ")) {
      second = "the " + second;
    }
    values.put(TemplateVariable.IMAGES, Placeholders.IMAGE_2);
    values.put(
        TemplateVariable.SUBJECT, first + " from " + Placeholders.IMAGE_1 + " and " + second);
    return Optional.of(values);
  }
}
