package dev.klingbot.core.instruction;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Clean-up every element phrase gets, whatever its language. */
final class Phrases {
  /** A phrase wrapped in one pair of quotes: "the logo", “the logo”, 「猫」. */
  private static final Pattern QUOTED =
      Pattern.compile("^([\"“”'「『《])(.*)([\"“”'」』》])$", Pattern.DOTALL);

  private Phrases() {}

  /**
   * Trims punctuation and spaces, unwraps one pair of quotes, and removes every angle bracket, so
   * that a value put into a template can never form or complete a placeholder.
   */
  static String tidy(String phrase) {
    if (phrase == null) {
      return "";
    }
    String text = Politeness.trimJunk(Placeholders.withoutAngleBrackets(phrase));
    Matcher quoted = QUOTED.matcher(text);
    if (quoted.matches() && !quoted.group(2).isBlank()) {
      text = Politeness.trimJunk(quoted.group(2));
    }
    return TextNormalizer.collapseSpaces(text);
  }

  /**
   * Removes what {@code image} and {@code video} match, taking turns, until neither finds more: the
   * pointers ("from the picture", "视频里") around an element phrase.
   */
  static String stripPointers(String phrase, Pattern image, Pattern video) {
    String previous;
    String current = phrase;
    do {
      previous = current;
      current = stripRepeatedly(current, image);
      current = stripRepeatedly(current, video);
    } while (!current.equals(previous));
    return current;
  }

  /** Removes what {@code pattern} matches, repeatedly, as long as something is left. */
  static String stripRepeatedly(String phrase, Pattern pattern) {
    String current = phrase;
    while (true) {
      Matcher matcher = pattern.matcher(current);
      if (!matcher.find()) {
        return current;
      }
      String rest =
          Politeness.trimJunk(
              current.substring(0, matcher.start()) + current.substring(matcher.end()));
      if (rest.isEmpty() || rest.equals(current)) {
        return current;
      }
      current = rest;
    }
  }
}
