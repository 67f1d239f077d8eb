package dev.klingbot.core.instruction;

/** Which writing systems a text uses. */
final class Scripts {
  private Scripts() {}

  /** Whether any character is a Chinese (Han) ideograph. */
  static boolean hasHan(String text) {
    return text.codePoints()
        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }
}
