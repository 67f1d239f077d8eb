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
          "onto", "into", "to", "on", "upon", "atop", "at", "inside", "within", "around", "over",
          "against");

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
          "alongside",
          "behind",
          "near",
          "under",
          "underneath",
          "beneath",
          "above",
          "below",
          "between");

  private static final String ON_TOP_OF = "on top of";

  /** A place-word at the start of what follows a scene verb: "on the sofa", "above the hill". */
  private static final Pattern STARTS_WITH_PLACE =
      Pattern.compile(
          "^(?:on top of|in front of|next to|close to|to the left of|to the right of|onto|into|on"
              + "|upon|atop|at|inside|within|around|over|beside|alongside|behind|near|under|underneath"
              + "|beneath|above|below|between|in|across|along|by|among|against|through|up|down"
              + "|high above|right|just|somewhere|all over|out of|outside|from|to)\\b",
          Pattern.CASE_INSENSITIVE);

  /** The object of a scene verb: "riding | the wave", "chasing | a ball". */
  private static final Pattern OBJECT_FIRST =
      Pattern.compile(
          "^(?:the|a|an|this|that|these|those|some|his|her|my|their|our|its)\\s+\\p{L}",
          Pattern.CASE_INSENSITIVE);

  /** A place-word after the object: "chasing the ball | in the yard". */
  private static final Pattern LATER_PLACE =
      Pattern.compile(
          "\\s(?=(?:on top of|in front of|next to|onto|into|on|at|inside|over|beside|behind|near|under"
              + "|above|below|in|across|along|through|around)\\s)",
          Pattern.CASE_INSENSITIVE);

  /** A scene verb and the place-word after it, inside a wish: "… flying above the hill". */
  private static final Pattern SCENE_VERB_BEFORE_PLACE =
      Pattern.compile(
          "\\s+(?:to\\s+(?:be\\s+)?"
              + EnglishRecogniser.SCENE_VERBS
              + "|(?:be\\s+)?"
              + sceneParticiples()
              + ")(?:\\s+(?:happily|quietly|there))?\\s+(?=\\S)",
          Pattern.CASE_INSENSITIVE);

  private AdditionSplitter() {}

  /**
   * The scene verbs that can't be nouns ("sitting", "perched"): in a wish, "a hot dog stand next to
   * the fountain" has no verb, so "stand" alone doesn't count there.
   */
  private static String sceneParticiples() {
    String verbs =
        EnglishRecogniser.SCENE_VERBS.substring(3, EnglishRecogniser.SCENE_VERBS.length() - 1);
    java.util.List<String> forms = new java.util.ArrayList<>();
    for (String verb : verbs.split("\\|")) {
      String last = verb.substring(verb.lastIndexOf(' ') + 1);
      if (last.endsWith("ing") || last.endsWith("ed") || last.equals("sat") || last.equals("up")) {
        forms.add(verb);
      }
    }
    return "(?:" + String.join("|", forms) + ")";
  }

  /**
   * A scene: "the cat from the photo" doing something "on the sofa". Null when what follows the
   * scene verb doesn't name a place ("make the car run faster" is not an addition).
   */
  static Recognition scene(String subject, String rest) {
    String place =
        Phrases.tidy(rest)
            .replaceFirst("(?i)^(?:happily|quietly|there)\\s+", "")
            // "hanging from the tree": the tree is where it goes
            .replaceFirst("(?i)^from\\s+", "on ")
            // "climbing up the tree", "sailing across the lake": to the tree, to the lake
            .replaceFirst(
                "(?i)^(?:up|down|along|across|through|among|against|by|out of|outta|off)\\s+",
                "to ");
    if (!STARTS_WITH_PLACE.matcher(place).find()) {
      // "riding the wave", "chasing the ball in the yard": an object first, then maybe the place
      if (!OBJECT_FIRST.matcher(place).lookingAt()
          || subject.strip().matches("(?i)^(?:there|it|this|that|they|them)$")) {
        return null; // "let there be a rainbow …" names its thing after the verb
      }
      Matcher later = LATER_PLACE.matcher(place);
      place =
          later.find()
              ? place
                  .substring(later.start())
                  .strip()
                  .replaceFirst("(?i)^(?:along|across|through)\\s+", "to ")
              : "on " + place;
    }
    Recognition recognition = english(subject + " " + place);
    return recognition.elements().subject() == null || recognition.elements().subject().isEmpty()
        ? null
        : recognition;
  }

  /**
   * What someone would like to see: "a dog sleeping on the bed", "the kite flying above the hill",
   * "the hat on the man". Null unless a place is named by a scene verb or a place-word other than
   * "in" (so "I want the man in the red jacket" is not read as an addition).
   */
  static Recognition wish(String rest) {
    String text = withoutCommaBeforeScene(EnglishPhrases.withoutLikeTheImage(Phrases.tidy(rest)));
    Matcher scene = SCENE_VERB_BEFORE_PLACE.matcher(text);
    while (scene.find()) {
      Recognition recognition =
          scene(text.substring(0, scene.start()), text.substring(scene.end()));
      if (recognition != null) {
        return recognition;
      }
    }
    String withoutPointers = EnglishPhrases.stripPointers(text);
    Split split = firstSplit(withoutPointers, List.of(ON_TOP_OF));
    split = earlier(split, firstSplit(withoutPointers, DIRECT));
    split = earlier(split, firstSplit(withoutPointers, AREA));
    if (split == null) {
      return null;
    }
    Recognition recognition = english(text);
    return recognition.elements().location() == null ? null : recognition;
  }

  static Recognition english(String rest) {
    String text =
        rest == null
            ? ""
            : withoutCommaBeforeScene(EnglishPhrases.withoutLikeTheImage(Phrases.tidy(rest)));
    if (text.isEmpty()) {
      return new Recognition(EditMode.ADDITION, Language.ENGLISH, EditElements.addition("", null));
    }
    if (Scripts.hasHan(text)) {
      // "add 图里的 balloon 到天空": a Chinese place-word in an English sentence
      text = text.replaceFirst("\\s*(?:放到|加到|放在|加在|到|在)\\s*(?=\\S)", " to ");
    }
    // "add the puppy from the photo running on the grass": the scene verb comes before the place
    Matcher sceneVerb = SCENE_VERB_BEFORE_PLACE.matcher(text);
    if (sceneVerb.find() && !text.substring(0, sceneVerb.start()).isBlank()) {
      Recognition recognition =
          scene(text.substring(0, sceneVerb.start()), text.substring(sceneVerb.end()));
      if (recognition != null) {
        return recognition;
      }
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

  /**
   * "the horse from the image, galloping across the beach": the comma only sets the scene apart.
   */
  private static final Pattern COMMA_BEFORE_SCENE =
      Pattern.compile("\\s*,\\s+(?=[a-z]+ing\\s)", Pattern.CASE_INSENSITIVE);

  private static String withoutCommaBeforeScene(String text) {
    return COMMA_BEFORE_SCENE.matcher(text).replaceAll(" ");
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
