package dev.klingbot.core.edit;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of an edit: {@code created → selecting → previewed → submitted → processing → succeeded
 * | failed | cancelled | expired}. A transition is stored before its side effect.
 */
public enum EditState {
  /** Recorded; the video is being checked, or waits for the user to agree to conform it. */
  CREATED,
  /** Kling has a session for the video; points may be marked. */
  SELECTING,
  /** The tracked selection was previewed; more points may still be marked. */
  PREVIEWED,
  /** Quota reserved; the task is being created, or waits in the queue for a free Kling slot. */
  SUBMITTED,
  /** Kling is working on the task. */
  PROCESSING,
  SUCCEEDED,
  FAILED,
  CANCELLED,
  EXPIRED;

  private static final Set<EditState> BEFORE_SUBMIT = EnumSet.of(CREATED, SELECTING, PREVIEWED);
  private static final Set<EditState> RUNNING = EnumSet.of(SUBMITTED, PROCESSING);

  /** Whether nothing more will happen to the edit. */
  public boolean isFinal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED || this == EXPIRED;
  }

  /** Whether the user is still preparing it (selection, preview). */
  public boolean isBeforeSubmit() {
    return BEFORE_SUBMIT.contains(this);
  }

  /** Whether a Kling task is being created or followed. */
  public boolean isRunning() {
    return RUNNING.contains(this);
  }

  /**
   * The state's identifier, {@code selecting}: the same in every language, for logs, the web
   * editor's data and programming errors. People read {@link #text()}.
   */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The state as people read it, in the current language: {@code selecting}, {@code 标记中}. */
  public String text() {
    return dev.klingbot.core.i18n.Messages.text("task.state." + label());
  }
}
