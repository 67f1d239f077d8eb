package dev.klingbot.core.conversation;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads words off the front of a command line; "double" or 'single' quotes keep spaces inside a
 * word (a file path with spaces). The rest of the line stays as typed (an instruction may contain
 * apostrophes).
 */
public final class Words {
  private final String line;
  private int position;

  Words(String line) {
    this.line = line == null ? "" : line;
  }

  /** The next word, or {@code null} at the end. */
  String next() {
    skipSpaces();
    if (position >= line.length()) {
      return null;
    }
    char first = line.charAt(position);
    if (first == '"' || first == '\'') {
      int end = line.indexOf(first, position + 1);
      if (end > 0) {
        String word = line.substring(position + 1, end);
        position = end + 1;
        return word;
      }
    }
    int start = position;
    while (position < line.length() && !Character.isWhitespace(line.charAt(position))) {
      position++;
    }
    return line.substring(start, position);
  }

  /** The next word without consuming it. */
  String peek() {
    int saved = position;
    String word = next();
    position = saved;
    return word;
  }

  /** Everything not read yet, as typed. */
  String rest() {
    skipSpaces();
    return line.substring(position).strip();
  }

  private void skipSpaces() {
    while (position < line.length() && Character.isWhitespace(line.charAt(position))) {
      position++;
    }
  }

  public static List<String> split(String line) {
    Words words = new Words(line);
    List<String> all = new ArrayList<>();
    for (String word = words.next(); word != null; word = words.next()) {
      all.add(word);
    }
    return all;
  }
}
