package dev.klingbot.core.instruction;

import java.text.Normalizer;

/**
 * Unicode and whitespace clean-up applied to everything a user types (instructions, raw prompts,
 * negative prompts) before anything else looks at it.
 */
final class TextNormalizer {
  private TextNormalizer() {}

  /**
   * NFC; the full-width and small angle brackets (＜ ＞ ﹤ ﹥, which NFKC folds to ASCII) made ASCII,
   * so {@code ＜＜＜image_1＞＞＞} can't slip past the placeholder checks; invisible format characters
   * removed (they could split a placeholder so only Kling sees it); curly apostrophes made
   * straight; every run of whitespace or control characters one space; trimmed. Everything else,
   * such as Chinese punctuation, stays as typed. Null becomes "".
   */
  static String normalize(String text) {
    if (text == null) {
      return "";
    }
    String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(composed.length());
    boolean pendingSpace = false;
    for (int i = 0; i < composed.length(); ) {
      int codePoint = composed.codePointAt(i);
      i += Character.charCount(codePoint);
      if (Character.getType(codePoint) == Character.FORMAT) {
        continue; // zero-width space/joiners, BOM, bidi controls
      }
      if (Character.isWhitespace(codePoint)
          || Character.isSpaceChar(codePoint)
          || Character.isISOControl(codePoint)) {
        pendingSpace = out.length() > 0;
        continue;
      }
      if (pendingSpace) {
        out.append(' ');
        pendingSpace = false;
      }
      out.appendCodePoint(fold(codePoint));
    }
    return out.toString();
  }

  private static int fold(int codePoint) {
    return switch (codePoint) {
      case '＜', '﹤' -> '<';
      case '＞', '﹥' -> '>';
      case '‘', '’' -> '\'';
      default -> codePoint;
    };
  }

  /** Characters as Kling counts them: code points, so an emoji is one. */
  static int characterCount(String text) {
    return text.codePointCount(0, text.length());
  }

  /** Collapses runs of spaces left behind by removals, and trims. */
  static String collapseSpaces(String text) {
    return text.replaceAll(" {2,}", " ").strip();
  }

  /** At most {@code max} characters, ending in "…" when cut; never splits a surrogate pair. */
  static String abbreviate(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end).strip() + "…";
  }
}
