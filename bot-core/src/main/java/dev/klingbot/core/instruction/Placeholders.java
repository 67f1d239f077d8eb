package dev.klingbot.core.instruction;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kling's {@code <<<...>>>} placeholders: the ones that exist, and finding or removing them. */
final class Placeholders {
  static final String VIDEO = "<<<video_1>>>";
  static final String IMAGE_1 = "<<<image_1>>>";
  static final String IMAGE_2 = "<<<image_2>>>";
  static final List<String> KNOWN = List.of(VIDEO, IMAGE_1, IMAGE_2);

  /** Three '<', anything without angle brackets, three '>': what Kling could read as a token. */
  private static final Pattern TOKEN = Pattern.compile("<<<[^<>]*>>>");

  /** What is left of a token once tokens are gone: three or more '<' or '>' in a row. */
  private static final Pattern RUN = Pattern.compile("<{3,}|>{3,}");

  private Placeholders() {}

  /** User text without placeholders, and what was taken out (each distinct piece once). */
  record Stripped(String text, List<String> removed) {}

  /**
   * Removes every token, repeatedly (taking one out of {@code <<<<<<image_1>>>>>>} leaves another),
   * then every leftover run of three or more angle brackets.
   */
  static Stripped strip(String text) {
    Set<String> removed = new LinkedHashSet<>();
    String current = text;
    while (true) {
      Matcher token = TOKEN.matcher(current);
      if (!token.find()) {
        break;
      }
      StringBuilder out = new StringBuilder();
      do {
        removed.add(token.group());
        token.appendReplacement(out, " ");
      } while (token.find());
      token.appendTail(out);
      current = out.toString();
    }
    Matcher run = RUN.matcher(current);
    StringBuilder out = new StringBuilder();
    while (run.find()) {
      removed.add(run.group());
      run.appendReplacement(out, " ");
    }
    run.appendTail(out);
    return new Stripped(TextNormalizer.collapseSpaces(out.toString()), List.copyOf(removed));
  }

  /**
   * Every token in {@code text}, in order, followed by any run of three or more angle brackets that
   * is not part of a token (e.g. the {@code <<<} of an unfinished {@code <<<image_1}).
   */
  static List<String> find(String text) {
    List<String> found = new ArrayList<>();
    Matcher token = TOKEN.matcher(text);
    while (token.find()) {
      found.add(token.group());
    }
    Matcher run = RUN.matcher(TOKEN.matcher(text).replaceAll(" "));
    while (run.find()) {
      found.add(run.group());
    }
    return found;
  }

  /** The highest image number {@code text} names (2 for {@code <<<image_2>>>}), or 0. */
  static int highestImage(String text) {
    return text.contains(IMAGE_2) ? 2 : text.contains(IMAGE_1) ? 1 : 0;
  }

  /**
   * {@code text} with every angle bracket turned into a space, so nothing in it can become part of
   * a placeholder, not even next to a template's own text.
   */
  static String withoutAngleBrackets(String text) {
    return text.replace('<', ' ').replace('>', ' ');
  }
}
