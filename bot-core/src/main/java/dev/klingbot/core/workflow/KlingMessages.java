package dev.klingbot.core.workflow;

import dev.klingbot.kling.KlingException;

/** Kling's refusals in words for the user: the SDK's sentence plus Kling's own detail if useful. */
final class KlingMessages {
  private KlingMessages() {}

  static String describe(KlingException e) {
    String sentence = e.userMessage();
    String detail = e.apiMessage();
    boolean useful =
        detail != null
            && !detail.isBlank()
            && !detail.equalsIgnoreCase("success")
            && switch (e.errorCode()) {
              case VIDEO_REJECTED,
                  SELECTION_REJECTED,
                  INVALID_PARAMETER,
                  INVALID_REQUEST,
                  POLICY_VIOLATION,
                  CONTENT_SAFETY ->
                  true;
              default -> false;
            };
    if (useful && !sentence.contains(detail)) {
      return sentence + " (Kling said: " + Texts.clip(detail, 200) + ")";
    }
    return sentence;
  }
}
