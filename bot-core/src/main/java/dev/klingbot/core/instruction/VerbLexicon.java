package dev.klingbot.core.instruction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.DamerauLevenshteinDistance;

/**
 * The English edit verbs, by kind, and typo tolerance against them. Only the word in the verb's
 * place is ever compared with this lexicon (never an element word), so "remove the mosue" keeps its
 * mouse as typed while "rmove the mouse" is read as "remove the mouse".
 */
final class VerbLexicon {
  /** Verbs (and phrasal verbs) that start a removal: "zap the sign", "get rid of the bin". */
  static final List<String> REMOVAL =
      List.of(
          "remove",
          "delete",
          "erase",
          "eliminate",
          "lose",
          "ditch",
          "zap",
          "axe",
          "ax",
          "nuke",
          "nix",
          "scrap",
          "trash",
          "bin",
          "dump",
          "chuck",
          "toss",
          "yeet",
          "purge",
          "omit",
          "exclude",
          "expunge",
          "obliterate",
          "eradicate",
          "banish",
          "kill",
          "vanish",
          "disappear",
          "hide",
          "wipe",
          "efface",
          "excise",
          "cut",
          "scrub",
          "get rid of",
          "dispose of",
          "dispense with",
          "rid us of",
          "do away with",
          "get shot of",
          "take out",
          "take away",
          "take off",
          "take down",
          "cut out",
          "cut away",
          "wipe out",
          "wipe away",
          "wipe off",
          "rub out",
          "edit out",
          "paint out",
          "clear away",
          "clear out",
          "clear off",
          "clean up",
          "clean out",
          "clean off",
          "scrub out",
          "scrub off",
          "scrub away",
          "strip out",
          "strip away",
          "blot out",
          "white out",
          "zap away",
          "zap out",
          "throw out",
          "throw away",
          "toss out",
          "chuck out",
          "chuck away",
          "kick out",
          "knock out",
          "pull out",
          "leave out",
          "snip out",
          "pluck out",
          "rip out",
          "drop out",
          // slang and editing-software verbs: "yank the bin", "photoshop out the boom mic"
          "yank",
          "yank out",
          "boot",
          "boot out",
          "evict",
          "oust",
          "expel",
          "discard",
          "eject",
          "vaporize",
          "vaporise",
          "annihilate",
          "photoshop out",
          "photoshop away",
          "airbrush out",
          "airbrush away",
          "clone out",
          "clone away",
          "blank out",
          "scratch out",
          "cross out",
          "strike out",
          "weed out",
          "erase away",
          "edit away",
          "shoo away",
          "chase away",
          "chase off",
          "send away",
          "exterminate",
          "kill off",
          "wash out",
          "wash away",
          "rub off",
          "pick out",
          "pick off");

  /** Verbs that start an addition: "add …", "put …", "stick …". */
  static final List<String> ADDITION =
      List.of(
          "add",
          "put",
          "place",
          "insert",
          "drop",
          "stick",
          "include",
          "attach",
          "paste",
          "overlay",
          "plant",
          "position",
          "bring",
          "throw",
          "pop",
          "slap",
          "introduce",
          "superimpose",
          "set",
          "stick in",
          "put in",
          "pop in",
          "throw in",
          "add in",
          "drop in",
          "bring in",
          "paste in",
          "sneak in",
          "squeeze in",
          "work in",
          "fit in");

  /** Verbs that start a swap. */
  static final List<String> SWAP =
      List.of(
          "replace",
          "swap",
          "swop",
          "switch",
          "exchange",
          "substitute",
          "trade",
          "change",
          "turn",
          "transform",
          "convert",
          "morph",
          "make",
          "use");

  /** Words near an edit verb that are other words, never corrected: "move" is not "remove". */
  private static final Set<String> NEVER_CORRECTED =
      Set.of(
          "move",
          "make",
          "mute",
          "crop",
          "trim",
          "blur",
          "zoom",
          "rotate",
          "flip",
          "fade",
          "speed",
          "slow",
          "reverse",
          "resize",
          "rewind",
          "repeat",
          "replay",
          "reset",
          "undo",
          "redo",
          "relate",
          "reveal",
          "delay",
          "dance",
          "place",
          "please",
          "plus",
          "pause",
          "paint",
          "print",
          "write",
          "rewrite",
          "tell",
          "sell",
          "delight",
          "relax",
          "revise",
          "receive",
          "reply",
          "retry",
          "review",
          "remote",
          "remind",
          "remember",
          "rename",
          "render",
          "cute",
          "lose",
          "loose",
          "close",
          "chose",
          "choose",
          "those",
          "these",
          "there",
          "where",
          "here",
          "hello",
          "thanks",
          "what",
          "with",
          "that",
          "this",
          "then",
          "than",
          "ignore",
          "forget",
          "select",
          "reflect",
          "repair",
          "restore",
          "return",
          "retain",
          "keep",
          "hold",
          "save",
          "share",
          "show",
          "shot",
          "stop",
          "start",
          "sharpen",
          "brighten",
          "darken",
          "lighten",
          "colour",
          "color",
          "recolor",
          "recolour",
          "stabilise",
          "stabilize",
          "loop",
          "boost",
          "enhance",
          "improve",
          "upscale",
          "denoise",
          "extend",
          "shorten",
          "lengthen",
          "putt",
          "poop",
          "sett",
          "mutt");

  private static final DamerauLevenshteinDistance DISTANCE = new DamerauLevenshteinDistance(2);

  /** Every single word that can stand in a verb's place, for typo matching. */
  private static final Set<String> VERB_WORDS = verbWords();

  private VerbLexicon() {}

  /** A regex alternation of {@code verbs}, longest first, with spaces matching any whitespace. */
  static String alternation(List<String> verbs) {
    List<String> sorted = new ArrayList<>(verbs);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    List<String> quoted = new ArrayList<>();
    for (String verb : sorted) {
      quoted.add(Pattern.quote(verb).replace(" ", "\\E\\s+\\Q"));
    }
    return "(?:" + String.join("|", quoted) + ")";
  }

  /** "removing" → "remove", "zapping" → "zap", "getting rid of" → "get rid of". */
  private static final java.util.Map<String, String> GERUNDS = gerunds();

  /**
   * An edit said with its verb's -ing form: "by removing the cigarette", "try zapping the sign".
   */
  private static final Pattern GERUND_LEAD =
      Pattern.compile(
          "(?:^|\\s(?:by|via|through|try|trying|mind|about|of|consider|considering|start|starting"
              + "|with|for|suggest|recommend|just|maybe|go|do some|do the|do a bit of)\\s+)"
              + "("
              + alternation(List.copyOf(GERUNDS.keySet()))
              + ")\\b(.*)$",
          Pattern.CASE_INSENSITIVE);

  /** "The logo needs removing", "the bin could do with deleting". */
  private static final Pattern NEEDS_GERUND =
      Pattern.compile(
          "^(.+?)\\s+(?:needs|need|wants|want|could do with|requires|require|deserves|is worth)\\s+"
              + "("
              + alternation(List.copyOf(GERUNDS.keySet()))
              + ")(?:\\s+(?:out|away|off))?$",
          Pattern.CASE_INSENSITIVE);

  /**
   * {@code text} with its edit said as a gerund turned into an instruction: "clean up the clip by
   * removing the cigarette" → "remove the cigarette", "the logo needs deleting" → "delete the
   * logo". Empty when there is no such gerund.
   */
  static Optional<String> fromGerund(String text) {
    Matcher needs = NEEDS_GERUND.matcher(text);
    if (needs.matches()) {
      return Optional.of(base(needs.group(2)) + " " + needs.group(1));
    }
    Matcher lead = GERUND_LEAD.matcher(text);
    if (lead.find() && !lead.group(2).isBlank()) {
      return Optional.of(base(lead.group(1)) + lead.group(2));
    }
    return Optional.empty();
  }

  /** A regex alternation of every gerund the lexicon knows: "removing", "getting rid of". */
  static String gerundAlternation() {
    return alternation(List.copyOf(GERUNDS.keySet()));
  }

  /** Whether the gerund is introduced by "by", "via" or "through": the edit is the means. */
  static boolean gerundIsTheMeans(String text) {
    Matcher lead = GERUND_LEAD.matcher(text);
    return lead.find() && lead.group().strip().matches("(?is)^(?:by|via|through)\\s.*");
  }

  private static String base(String gerund) {
    return GERUNDS.get(gerund.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
  }

  private static java.util.Map<String, String> gerunds() {
    java.util.Map<String, String> forms = new java.util.HashMap<>();
    for (List<String> list : List.of(REMOVAL, ADDITION, SWAP)) {
      for (String verb : list) {
        int space = verb.indexOf(' ');
        String first = space < 0 ? verb : verb.substring(0, space);
        String rest = space < 0 ? "" : verb.substring(space);
        List<String> stems =
            new ArrayList<>(List.of(first, first + first.charAt(first.length() - 1)));
        if (first.endsWith("e") && !first.endsWith("ee")) {
          stems.add(first.substring(0, first.length() - 1));
        }
        for (String stem : stems) {
          forms.putIfAbsent(stem + "ing" + rest, verb);
        }
      }
    }
    return java.util.Map.copyOf(forms);
  }

  /** The one-word verbs of {@code verbs}: "zap", not "get rid of". */
  static List<String> oneWord(List<String> verbs) {
    return verbs.stream().filter(verb -> !verb.contains(" ")).toList();
  }

  /** A lexicon word near {@code word}, and how near. */
  record Correction(String typed, String verb, int distance) {
    /**
     * Whether the correction is safe to make without asking: one edit away, in a word of four or
     * more letters. A three-letter word ("adn") is only offered as a suggestion.
     */
    boolean sure() {
      String lower = typed.toLowerCase(Locale.ROOT);
      if (doubledLetterTypedOnce(lower, verb)) {
        return true;
      }
      if (distance == 2) {
        // "reaplce": a letter moved two places; the same letters, in a long word
        return lower.length() >= 7 && sameLetters(lower, verb);
      }
      return distance == 1
          && typed.length() >= 4
          && !(typed.length() <= 4 && oneLetterReplaced(lower, verb));
    }

    /** "ad" for "add": a doubled letter typed once is a slip, not another word. */
    private static boolean doubledLetterTypedOnce(String typed, String verb) {
      if (verb.length() != typed.length() + 1) {
        return false;
      }
      for (int i = 1; i < verb.length(); i++) {
        if (verb.charAt(i) == verb.charAt(i - 1)
            && (verb.substring(0, i) + verb.substring(i + 1)).equals(typed)) {
          return true;
        }
      }
      return false;
    }

    private static boolean sameLetters(String typed, String verb) {
      char[] a = typed.toCharArray();
      char[] b = verb.toCharArray();
      java.util.Arrays.sort(a);
      java.util.Arrays.sort(b);
      return java.util.Arrays.equals(a, b);
    }

    /**
     * "love" for "lose": in a short word, one letter replaced by another usually makes another real
     * word, so it is offered, not assumed. Letters typed twice, left out or swapped are safe.
     */
    private static boolean oneLetterReplaced(String typed, String verb) {
      if (typed.length() != verb.length()) {
        return false;
      }
      int differences = 0;
      for (int i = 0; i < typed.length(); i++) {
        if (typed.charAt(i) != verb.charAt(i)) {
          differences++;
        }
      }
      return differences == 1;
    }
  }

  /**
   * The verb {@code word} was probably meant to be: the single nearest lexicon word at
   * Damerau-Levenshtein distance 1 (words of 4+ letters) or 2 (words of 6+ letters). Empty for
   * lexicon words, words that are other words, and ties.
   */
  static Optional<Correction> nearestVerb(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    Optional<Correction> doubled = doubledLetter(word, lower);
    if (doubled.isPresent()) {
      return doubled;
    }
    if (lower.length() == 3) {
      return threeLetters(word, lower);
    }
    if (lower.length() == 2) {
      return VERB_WORDS.stream()
          .filter(verb -> Correction.doubledLetterTypedOnce(lower, verb))
          .findFirst()
          .map(verb -> new Correction(word, verb, 1));
    }
    if (lower.length() < 4
        || !lower.chars().allMatch(Character::isLetter)
        || VERB_WORDS.contains(lower)
        || NEVER_CORRECTED.contains(lower)) {
      return Optional.empty();
    }
    int best = Integer.MAX_VALUE;
    List<String> nearest = new ArrayList<>();
    for (String verb : VERB_WORDS) {
      if (verb.length() < 4) {
        continue;
      }
      int distance = DISTANCE.apply(lower, verb);
      if (distance < 0) {
        continue; // beyond the threshold
      }
      if (distance < best) {
        best = distance;
        nearest.clear();
      }
      if (distance == best) {
        nearest.add(verb);
      }
    }
    int allowed = lower.length() >= 6 ? 2 : 1;
    if (nearest.size() > 1) {
      // "rplace" is one letter from both "replace" and "place": the one with its first letter
      List<String> sameStart =
          nearest.stream().filter(verb -> verb.charAt(0) == lower.charAt(0)).toList();
      nearest = new ArrayList<>(sameStart);
    }
    if (nearest.size() != 1 || best > allowed) {
      return Optional.empty();
    }
    return Optional.of(new Correction(word, nearest.get(0), best));
  }

  /**
   * A three-letter verb typed with one letter twice ("addd", "zapp", "puut"): too short for edit
   * distance, which would also reach "adds" or "bind", but a doubled key is a common slip.
   */
  private static Optional<Correction> doubledLetter(String word, String lower) {
    if (lower.length() != 4 || NEVER_CORRECTED.contains(lower) || VERB_WORDS.contains(lower)) {
      return Optional.empty();
    }
    for (int i = 1; i < lower.length(); i++) {
      if (lower.charAt(i) == lower.charAt(i - 1)) {
        String single = lower.substring(0, i) + lower.substring(i + 1);
        if (VERB_WORDS.contains(single)) {
          return Optional.of(new Correction(word, single, 1));
        }
      }
    }
    return Optional.empty();
  }

  /** "adn" → "add", "zpa" → "zap": the one three-letter verb one edit away, same first letter. */
  private static Optional<Correction> threeLetters(String word, String lower) {
    if (!lower.chars().allMatch(Character::isLetter)
        || VERB_WORDS.contains(lower)
        || NEVER_CORRECTED.contains(lower)) {
      return Optional.empty();
    }
    List<String> near =
        VERB_WORDS.stream()
            .filter(verb -> verb.length() == 3 && verb.charAt(0) == lower.charAt(0))
            .filter(verb -> DISTANCE.apply(lower, verb) == 1)
            .toList();
    return near.size() == 1 ? Optional.of(new Correction(word, near.get(0), 1)) : Optional.empty();
  }

  private static Set<String> verbWords() {
    Set<String> words = new TreeSet<>();
    for (List<String> list : List.of(REMOVAL, ADDITION, SWAP)) {
      for (String verb : list) {
        if (!verb.contains(" ")) {
          words.add(verb);
        }
      }
    }
    return Set.copyOf(words);
  }
}
