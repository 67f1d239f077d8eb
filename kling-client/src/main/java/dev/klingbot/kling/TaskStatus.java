package dev.klingbot.kling;

import java.util.Locale;

/**
 * The status of a task. Kling spells success {@code succeed}; values Kling may add later parse as
 * {@link #UNKNOWN} rather than failing.
 */
public enum TaskStatus {
  SUBMITTED,
  PROCESSING,
  SUCCEED,
  FAILED,
  UNKNOWN;

  /** Whether the task has ended ({@link #SUCCEED} or {@link #FAILED}). */
  public boolean isFinal() {
    return this == SUCCEED || this == FAILED;
  }

  /** Parses Kling's {@code task_status}, tolerating case and a few spellings; never throws. */
  public static TaskStatus fromWire(String value) {
    if (value == null) {
      return UNKNOWN;
    }
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "submitted":
      case "queued":
      case "pending":
        return SUBMITTED;
      case "processing":
      case "running":
        return PROCESSING;
      case "succeed":
      case "succeeded":
      case "success":
        return SUCCEED;
      case "failed":
      case "fail":
      case "failure":
        return FAILED;
      default:
        return UNKNOWN;
    }
  }
}
