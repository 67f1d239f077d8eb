package dev.klingbot.kling;

import com.fasterxml.jackson.annotation.JsonValue;

/** Length of the result video: 5 seconds (Kling's default) or 10 seconds. */
public enum TaskDuration {
  FIVE("5", 5),
  TEN("10", 10);

  private final String wireName;
  private final int seconds;

  TaskDuration(String wireName, int seconds) {
    this.wireName = wireName;
    this.seconds = seconds;
  }

  /** The {@code duration} value Kling expects (a string). */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** The length in seconds. */
  public int seconds() {
    return seconds;
  }

  /** The duration of exactly {@code seconds} seconds. */
  public static TaskDuration ofSeconds(int seconds) {
    for (TaskDuration value : values()) {
      if (value.seconds == seconds) {
        return value;
      }
    }
    throw new IllegalArgumentException(
        "duration is " + seconds + " s; Kling makes 5 s or 10 s videos, so pick one of those");
  }
}
