package dev.klingbot.core.instruction;

/** Which writing systems a text uses. */
final class Scripts {
  private Scripts() {}

  /** Whether any character is a Chinese (Han) ideograph. */
  static boolean hasHan(String text) {
    return text.codePoints()
        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  /**
   * Whether a reader would call the text Chinese: at least two Chinese characters, and no fewer
   * than its Latin words ("remove 红色的车" and "把cat换成dog" are Chinese, "remove the 猫" is not).
   */
  static boolean mostlyChinese(String text) {
    long han =
        text.codePoints()
            .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
            .count();
    long latinWords = java.util.regex.Pattern.compile("[A-Za-z]+").matcher(text).results().count();
    return han >= 2 && han >= latinWords;
  }
}
