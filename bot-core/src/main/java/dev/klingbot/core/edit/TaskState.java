package dev.klingbot.core.edit;

import dev.klingbot.kling.TaskStatus;
import java.util.Arrays;

/**
 * Where the Kling task of an edit stands, as stored in {@code edits.task_status}: either a status
 * Kling reported ({@link Source#KLING}) or one only the bot knows ({@link Source#BOT}). The stored
 * strings are the ones older rows already carry ({@code creating}, {@code processing}, ...).
 */
public enum TaskState {
  /** Ours: waiting for a free slot of the Kling account (its parallel-task limit). */
  QUEUED("queued", Source.BOT),
  /** Ours: the create call was stored and sent; Kling's answer has not been stored yet. */
  CREATING("creating", Source.BOT),
  SUBMITTED("submitted", Source.KLING),
  PROCESSING("processing", Source.KLING),
  SUCCEED("succeed", Source.KLING),
  FAILED("failed", Source.KLING),
  /** Kling answered a status this bot does not know. */
  UNKNOWN("unknown", Source.KLING),
  /** Ours: Kling no longer knows the task. */
  LOST("lost", Source.BOT),
  /** Ours: Kling did not finish within the configured time. */
  TIMED_OUT("timed-out", Source.BOT);

  /** Who said so. */
  public enum Source {
    KLING,
    BOT
  }

  private final String stored;
  private final Source source;

  TaskState(String stored, Source source) {
    this.stored = stored;
    this.source = source;
  }

  public String stored() {
    return stored;
  }

  public Source source() {
    return source;
  }

  /** The state for a status Kling reported. */
  public static TaskState of(TaskStatus status) {
    return switch (status) {
      case SUBMITTED -> SUBMITTED;
      case PROCESSING -> PROCESSING;
      case SUCCEED -> SUCCEED;
      case FAILED -> FAILED;
      case UNKNOWN -> UNKNOWN;
    };
  }

  /** The state stored as {@code value}; {@code null} for none (no task yet). */
  public static TaskState fromStored(String value) {
    if (value == null) {
      return null;
    }
    return Arrays.stream(values())
        .filter(state -> state.stored.equals(value))
        .findFirst()
        .orElse(UNKNOWN);
  }

  @Override
  public String toString() {
    return stored;
  }
}
