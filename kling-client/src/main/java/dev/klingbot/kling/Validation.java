package dev.klingbot.kling;

/** Small argument checks shared by the request records. */
final class Validation {
  private Validation() {}

  static void requireText(String value, String field, String whatToDo) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          field + " is " + (value == null ? "missing" : "blank") + "; " + whatToDo);
    }
  }

  static int characterCount(String text) {
    return text.codePointCount(0, text.length());
  }
}
