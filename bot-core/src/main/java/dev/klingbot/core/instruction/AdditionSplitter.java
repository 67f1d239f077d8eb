package dev.klingbot.core.instruction;

import dev.klingbot.kling.EditMode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the rest of an English addition ("the hat from the picture on the man's head") into what
 * to add and where. It splits at the first place-word ("to", "on", "next to", …); "in" is used only
 * when there is no other, because it so often belongs to a description ("a dog in a red hat to the
 * park", "the hat on the man in the red jacket").
 */
final class AdditionSplitter {
  /** Place-words whose object is the location itself: "on the table" → "the table". */
  private static final List<String> DIRECT =
      List.of(
          "onto", "into", "to", "on", "upon", "atop", "at", "inside", "within", "around", "over");

  /** Place-words that describe a spot near the object: "behind the house" → "the area behind …". */
  private static final List<String> AREA =
      List.of(
          "to the left of",
          "to the right of",
          "in front of",
          "next to",
          "close to",
          "left of",
          "right of",
          "beside",
          "behind",
          "near",
          "under",
          "underneath",
          "beneath",
          "above",
          "below",
          "between");

  private static final String ON_TOP_OF = "on top of";

  private AdditionSplitter() {}

  static Recognition english(String rest) {
    String text = rest == null ? "" : Phrases.tidy(rest);
    if (text.isEmpty()) {
      return new Recognition(EditMode.ADDITION, Language.ENGLISH, EditElements.addition("", null));
    }
    // "add the dog in the picture": the trailing "in the picture" is a pointer, not a place
    text = EnglishPhrases.stripPointers(text);
    Split split = firstSplit(text, List.of(ON_TOP_OF));
    split = earlier(split, firstSplit(text, DIRECT));
    split = earlier(split, firstSplit(text, AREA));
    if (split == null) {
      split = firstSplit(text, List.of("in"));
    }
    if (split == null) {
      return EnglishRecogniser.addition(text, null);
    }
    String subject = text.substring(0, split.start());
    String object = text.substring(split.end());
    String location;
    if (split.word().equals(ON_TOP_OF)) {
      location = "the top of " + object;
    } else if (DIRECT.contains(split.word()) || split.word().equals("in")) {
      location = object;
    } else {
      location = "the area " + split.word() + " " + object;
    }
    if (EnglishPhrases.location(object) == null) {
      location = null; // "add a dog to the video": no real place was named
    }
    return EnglishRecogniser.addition(subject, location);
  }

  /** Where one of {@code words} stands alone in {@code text} (not at the very start). */
  private record Split(String word, int start, int end) {}

  private static Split firstSplit(String text, List<String> words) {
    Split best = null;
    for (String word : words) {
      Matcher matcher =
          Pattern.compile("\\s" + Pattern.quote(word) + "\\s", Pattern.CASE_INSENSITIVE)
              .matcher(text);
      if (matcher.find()) {
        Split found = new Split(word, matcher.start(), matcher.end());
        best = earlier(best, found);
      }
    }
    return best;
  }

  /** The split that starts first; at the same place, the longer place-word. */
  private static Split earlier(Split a, Split b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    if (a.start() != b.start()) {
      return a.start() < b.start() ? a : b;
    }
    return a.word().length() >= b.word().length() ? a : b;
  }
}
