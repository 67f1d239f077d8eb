package dev.klingbot.core.instruction;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Instructions written as labels instead of sentences, rewritten as sentences: "remove => the
 * logo", "the logo: delete", "to remove: the logo", "task: remove the logo", "删除：水印", "水印：删掉".
 */
final class Labels {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /** Punctuation between a label and its value. */
  private static final String MARK =
      "(?:\\s*(?::|：|=+>|-+>|→|⇒|➡|=|＝|>|\\|)\\s*|\\s+[-–—]+\\s+|[–—]+)";

  /** A heading with nothing to do: "task:", "request -", "edit:". */
  private static final Pattern HEADING =
      Pattern.compile(
          "^(?:(?:edit|editing|change|quick|small|simple|new|another|one more|my|video|clip|tiny|one|urgent"
              + "|little)\\s+)?(?:task|request|edit|instruction|instructions|todo|to do|job|action|note|ask"
              + "|what i need|what i want|goal|change|fix|任务|需求|要求|编辑|目标|对象|物体|元素)"
              + "\\s*(?::|：|-|–|—)\\s*",
          FLAGS);

  /** What a label names: "object to remove", "target: …", "element: …". */
  private static final String THING =
      "(?:the\\s+)?(?:object|objects|item|items|thing|things|element|elements|target|targets|subject"
          + "|stuff|what|part|person|people|region|area)";

  /**
   * "remove: X", "to remove => X", "removal: X", "to be removed - X", "object to remove: X",
   * "remove target: X".
   */
  private static final Pattern VERB_FIRST =
      Pattern.compile(
          "^(?:"
              + THING
              + "\\s+(?:(?:i|we)\\s+(?:want|need|would like|'d like)\\s+)?)?(?:to\\s+(?:be\\s+)?)?"
              + "([a-z]+(?:\\s+(?:out|away|off|rid of|in))?)(?:\\s+(?:"
              + THING
              + "|request|requests|req|task|job|order|wish|please|pls))?"
              + MARK
              + "(.+)$",
          FLAGS);

  /** The action and the thing as two fields: "element: chimney. action: remove". */
  private static final String ACTION_FIELD =
      "(?:action|edit|edit type|task|operation|mode|type|what to do|to do|do)\\s*(?::|：|=)\\s*";

  /** "Object: X. Action: remove", "Target: X → replace with image", "Target: X; swap with this". */
  private static final Pattern THING_THEN_ACTION =
      Pattern.compile(
          "^"
              + THING
              + "\\s*(?::|：|=)\\s*(.+?)\\s*(?:[.;,|]|→|->|=>|\\s[-–—]\\s)\\s*(?:"
              + ACTION_FIELD
              + ")?([a-z]+(?:\\s+(?:out|away|off|rid of))?)(\\s+.+?)?[.!]*$",
          FLAGS);

  /** "Action: remove. Object: X", "Edit type: removal, target: X". */
  private static final Pattern ACTION_THEN_THING =
      Pattern.compile(
          "^"
              + ACTION_FIELD
              + "([a-z]+(?:\\s+(?:out|away|off|rid of))?)\\s*[.;,|]\\s*"
              + THING
              + "\\s*(?::|：|=)\\s*(.+?)[.!]*$",
          FLAGS);

  /** "X: delete", "X -> remove it", "X => gone". */
  private static final Pattern VERB_LAST =
      Pattern.compile(
          "^(.+?)"
              + MARK
              + "(?:please\\s+|pls\\s+|just\\s+)?([a-z]+(?:\\s+(?:out|away|off))?)"
              + "(?:\\s+(?:it|this|that|them|please|pls|thanks))*[.!]*$",
          FLAGS);

  /** "the balloon: add to the girl's hand". */
  private static final Pattern VERB_LAST_WITH_PLACE =
      Pattern.compile(
          "^(.+?)"
              + MARK
              + "(add|put|place|insert|stick)\\s+((?:to|on|onto|into|in|at|next to|behind|beside"
              + "|above|under|near|in front of)\\s+.+)$",
          FLAGS);

  /** "the mug: swap for the one in the image", "the sky -> replace with a sunset". */
  private static final Pattern SWAP_LABEL =
      Pattern.compile(
          "^(.+?)"
              + MARK
              + "(replace|swap|switch|exchange|change)\\s+((?:with|for|by|into|to)\\s+.+)$",
          FLAGS);

  /** Words that say "gone" in the value of a label: "the logo -> nothing". */
  private static final Pattern GONE =
      Pattern.compile(
          "^(?:gone|nothing|none|empty|blank|removed|deleted|erased|out|away|bye|removal"
              + "|deletion)$",
          FLAGS);

  private static final Pattern CHINESE_VERB_FIRST =
      Pattern.compile(
          "^(?:要|需要)?("
              + ChineseRecogniser.REMOVE
              + "|删|去|替换|换|添加|加)(?:的)?(?:对象|目标|物体|东西|内容|元素)?"
              + MARK
              + "(.+)$");

  private static final Pattern CHINESE_VERB_LAST =
      Pattern.compile(
          "^(.+?)(?:"
              + MARK
              + "|\\s*[，,]\\s*)("
              + ChineseRecogniser.REMOVE
              + "|删|不要|不要了|去|删了)[。！!]*$");

  private static final Pattern CHINESE_WHAT_TO_REMOVE =
      Pattern.compile("^(?:要|需要)?(?:删|去|删除|去掉|移除)(?:掉)?的(?:是|东西是?|东西)?\\s*[:：]?\\s*(.+)$");

  private static final java.util.Map<String, String> PARTICIPLES =
      java.util.Map.of(
          "zapped",
          "zap",
          "ditched",
          "ditch",
          "replaced",
          "replace",
          "swapped",
          "swap",
          "added",
          "add",
          "eliminated",
          "eliminate",
          "wiped",
          "wipe",
          "nuked",
          "nuke");

  /** A note after the label's fields: ". Context: …", ". Note: …", "| reason: …". */
  private static final Pattern TRAILING_FIELD =
      Pattern.compile(
          "(?<=\\S)\\s*[.;|]\\s*(?:context|note|notes|reason|why|background|info|details|comment|comments|ps|fyi"
              + "|extra|purpose)\\s*[:：].*$",
          FLAGS);

  private Labels() {}

  /** {@code text} as a sentence, or unchanged when it isn't a label. */
  static String asSentence(String raw) {
    // "Object: X. Action: remove. Context: it's for a listing.": a field after the edit's is a note
    String text = TRAILING_FIELD.matcher(raw).replaceFirst("");
    // "Action: delete. Target: X": the action field is not a heading to drop
    Optional<String> actionFirst = verbThenThing(ACTION_THEN_THING, text);
    if (actionFirst.isPresent()) {
      return actionFirst.get();
    }
    String current = HEADING.matcher(text).replaceFirst("");
    Matcher thingFirst = THING_THEN_ACTION.matcher(current);
    if (thingFirst.matches()) {
      Optional<String> verb = verb(thingFirst.group(2));
      if (verb.isPresent()) {
        String rest = thingFirst.group(3) == null ? "" : thingFirst.group(3);
        return verb.get() + " " + thingFirst.group(1) + rest;
      }
    }
    actionFirst = verbThenThing(ACTION_THEN_THING, current);
    if (actionFirst.isPresent()) {
      return actionFirst.get();
    }
    Matcher chinese = CHINESE_WHAT_TO_REMOVE.matcher(current);
    if (chinese.matches()) {
      return "删除" + chinese.group(1);
    }
    chinese = CHINESE_VERB_FIRST.matcher(current);
    if (chinese.matches()) {
      String verb = chinese.group(1).equals("去") ? "去掉" : chinese.group(1);
      return verb + chinese.group(2);
    }
    chinese = CHINESE_VERB_LAST.matcher(current);
    if (chinese.matches()) {
      return "删除" + chinese.group(1);
    }
    Optional<String> first = verbThenThing(VERB_FIRST, current);
    if (first.isPresent()) {
      return first.get();
    }
    Matcher swap = SWAP_LABEL.matcher(current);
    if (swap.matches()) {
      return swap.group(2) + " " + swap.group(1) + " " + swap.group(3);
    }
    Matcher placed = VERB_LAST_WITH_PLACE.matcher(current);
    if (placed.matches()) {
      return placed.group(2) + " " + placed.group(1) + " " + placed.group(3);
    }
    Matcher last = VERB_LAST.matcher(current);
    if (last.matches()) {
      Optional<String> verb = verb(last.group(2));
      if (verb.isPresent()) {
        return verb.get() + " " + last.group(1);
      }
    }
    return current;
  }

  /**
   * "verb thing" when {@code text} matches {@code pattern} (group 1 the verb word, group 2 the
   * thing) and the word stands for a verb; empty otherwise.
   */
  private static Optional<String> verbThenThing(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return verb(matcher.group(1)).map(verb -> verb + " " + matcher.group(2));
  }

  /** The verb a label word stands for: "remove", "removal" → "remove", "delet" → "delete". */
  private static Optional<String> verb(String word) {
    String lower = word.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    if (GONE.matcher(lower).matches()) {
      return Optional.of("remove");
    }
    for (java.util.List<String> verbs :
        java.util.List.of(VerbLexicon.REMOVAL, VerbLexicon.ADDITION, VerbLexicon.SWAP)) {
      if (verbs.contains(lower) && !lower.equals("use") && !lower.equals("make")) {
        return Optional.of(lower);
      }
    }
    String participle = PARTICIPLES.get(lower);
    if (participle != null) {
      return Optional.of(participle);
    }
    return VerbLexicon.nearestVerb(lower)
        .filter(VerbLexicon.Correction::sure)
        .map(VerbLexicon.Correction::verb);
  }
}
