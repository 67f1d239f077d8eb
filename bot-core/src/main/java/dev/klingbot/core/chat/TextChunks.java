package dev.klingbot.core.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text longer than a Discord message into pieces: at a line break where possible, else at a
 * space, never inside a surrogate pair. A {@code ```} code block cut in two is closed at the end of
 * one piece and opened again at the start of the next, so both pieces still render.
 */
public final class TextChunks {
  private static final String FENCE = "```";
  private static final String CLOSE = "\n" + FENCE;
  private static final String REOPEN = FENCE + "\n";

  private TextChunks() {}

  /** The pieces of {@code text}, each at most {@code limit} characters; one piece if it fits. */
  public static List<String> split(String text, int limit) {
    if (limit < 32) {
      throw new IllegalArgumentException("limit too small: " + limit);
    }
    List<String> chunks = new ArrayList<>();
    String rest = text;
    boolean inFence = false;
    while (true) {
      String prefix = inFence ? REOPEN : "";
      if (prefix.length() + rest.length() <= limit) {
        chunks.add(prefix + rest);
        return chunks;
      }
      int cut = cutPoint(rest, limit - prefix.length() - CLOSE.length());
      String piece = rest.substring(0, cut);
      boolean open = inFence ^ (count(piece, FENCE) % 2 == 1);
      chunks.add(prefix + stripEnd(piece) + (open ? CLOSE : ""));
      rest = rest.substring(cut);
      if (rest.startsWith("\n") || rest.startsWith(" ")) {
        rest = rest.substring(1);
      }
      inFence = open;
    }
  }

  /** Clips text to {@code limit} characters with an ellipsis, keeping line breaks. */
  public static String clip(String text, int limit) {
    if (text.length() <= limit) {
      return text;
    }
    int cut = limit - 1;
    if (Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--;
    }
    return text.substring(0, cut) + "…";
  }

  private static int cutPoint(String text, int budget) {
    int newline = text.lastIndexOf('\n', budget);
    if (newline > budget / 2) {
      return newline;
    }
    int space = text.lastIndexOf(' ', budget);
    if (space > budget / 2) {
      return space;
    }
    return Character.isHighSurrogate(text.charAt(budget - 1)) ? budget - 1 : budget;
  }

  private static int count(String text, String needle) {
    int count = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
      count++;
    }
    return count;
  }

  private static String stripEnd(String text) {
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\n')) {
      end--;
    }
    return text.substring(0, end);
  }
}
