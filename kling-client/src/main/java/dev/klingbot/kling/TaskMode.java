package dev.klingbot.kling;

import com.fasterxml.jackson.annotation.JsonValue;

/** Generation quality: standard (Kling's default) or professional. */
public enum TaskMode {
  STD("std"),
  PRO("pro");

  private final String wireName;

  TaskMode(String wireName) {
    this.wireName = wireName;
  }

  /** The {@code mode} value Kling expects. */
  @JsonValue
  public String wireName() {
    return wireName;
  }
}
