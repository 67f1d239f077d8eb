package dev.klingbot.core.workflow;

import dev.klingbot.core.i18n.Messages;
import dev.klingbot.kling.KlingErrorCode;
import dev.klingbot.kling.KlingException;

/**
 * Kling's refusals in words for the user: the sentence for the error code (in English the SDK's
 * own, {@link KlingErrorCode#userMessage()}) plus Kling's own detail if useful.
 */
final class KlingMessages {
  private KlingMessages() {}

  static String describe(KlingException e) {
    String sentence = sentence(e.errorCode());
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
      return Messages.text("task.kling.said", sentence, Texts.clip(detail, 200));
    }
    return sentence;
  }

  /** The sentence for {@code code} in the current language. */
  static String sentence(KlingErrorCode code) {
    return Messages.text(key(code));
  }

  /** The message key of {@code code}'s sentence; codes that share a sentence share a key. */
  static String key(KlingErrorCode code) {
    return switch (code) {
      case AUTHENTICATION_FAILED,
          AUTHORIZATION_HEADER_EMPTY,
          AUTHORIZATION_HEADER_INVALID,
          TOKEN_EXPIRED ->
          "task.kling.credentials";
      case TOKEN_NOT_YET_VALID -> "task.kling.token.not.yet.valid";
      case ACCOUNT_PROBLEM -> "task.kling.account.problem";
      case ACCOUNT_IN_ARREARS, RESOURCE_PACK_EXHAUSTED -> "task.kling.out.of.credit";
      case NO_PERMISSION -> "task.kling.no.permission";
      case INVALID_REQUEST, INVALID_PARAMETER, INVALID_METHOD -> "task.kling.invalid";
      case RESOURCE_NOT_FOUND -> "task.kling.not.found";
      case POLICY_VIOLATION, CONTENT_SAFETY -> "task.kling.content";
      case RATE_LIMITED -> "task.kling.rate.limited";
      case PARALLEL_TASK_LIMIT -> "task.kling.parallel.limit";
      case IP_NOT_ALLOWED -> "task.kling.ip.not.allowed";
      case INTERNAL_ERROR, INTERNAL_TIMEOUT -> "task.kling.internal";
      case SERVICE_UNAVAILABLE -> "task.kling.unavailable";
      case VIDEO_REJECTED -> "task.kling.video.rejected";
      case SELECTION_REJECTED -> "task.kling.selection.rejected";
      case NETWORK_ERROR -> "task.kling.network";
      case INVALID_RESPONSE -> "task.kling.invalid.response";
      case OUTCOME_UNKNOWN -> "task.kling.outcome.unknown";
      case INTERRUPTED -> "task.kling.interrupted";
      case UNKNOWN -> "task.kling.unknown";
    };
  }
}
