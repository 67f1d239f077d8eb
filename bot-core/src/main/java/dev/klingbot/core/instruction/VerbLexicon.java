package dev.klingbot.core.instruction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
          "drop out");

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
          "lengthen");

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

  /** A lexicon word near {@code word}, and how near. */
  record Correction(String typed, String verb, int distance) {}

  /**
   * The verb {@code word} was probably meant to be: the single nearest lexicon word at
   * Damerau-Levenshtein distance 1 (words of 4+ letters) or 2 (words of 6+ letters). Empty for
   * lexicon words, words that are other words, and ties.
   */
  static Optional<Correction> nearestVerb(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
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
