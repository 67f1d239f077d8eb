package dev.klingbot.core.edit;

import java.time.Instant;

/**
 * The Kling task as last seen.
 *
 * @param taskId Kling's id; {@code null} until the create call succeeded
 * @param status where the task stands, Kling's word or ours; {@code null} before any
 * @param queued whether the edit waits for a free slot of the Kling account
 * @param nextCheckAt when the job runner looks at the task next
 */
public record TaskProgress(
    String taskId,
    TaskState status,
    String statusMessage,
    boolean queued,
    Instant submittedAt,
    Instant nextCheckAt,
    int checkCount,
    Instant lastCheckedAt) {

  public static TaskProgress none() {
    return new TaskProgress(null, null, null, false, null, null, 0, null);
  }

  public TaskProgress submitted(Instant at) {
    return new TaskProgress(null, null, null, false, at, at, 0, null);
  }

  public TaskProgress withQueued(boolean isQueued, Instant nextCheck) {
    TaskState newStatus = isQueued ? TaskState.QUEUED : status == TaskState.QUEUED ? null : status;
    return new TaskProgress(
        taskId,
        newStatus,
        statusMessage,
        isQueued,
        submittedAt,
        nextCheck,
        checkCount,
        lastCheckedAt);
  }

  /** The create call is about to be sent (stored first, so a crash leaves a trace). */
  public TaskProgress creating(Instant nextCheck) {
    return new TaskProgress(
        null, TaskState.CREATING, null, queued, submittedAt, nextCheck, checkCount, lastCheckedAt);
  }

  /** Whether a create call may have reached Kling. */
  public boolean mayExistAtKling() {
    return taskId != null || status == TaskState.CREATING;
  }

  public TaskProgress created(
      String newTaskId, TaskState newStatus, Instant at, Instant nextCheck) {
    return new TaskProgress(newTaskId, newStatus, null, false, submittedAt, nextCheck, 0, at);
  }

  public TaskProgress checked(TaskState newStatus, String message, Instant at, Instant nextCheck) {
    return new TaskProgress(
        taskId, newStatus, message, false, submittedAt, nextCheck, checkCount + 1, at);
  }

  /** The task ended on our side ({@link TaskState#LOST}, {@link TaskState#TIMED_OUT}). */
  public TaskProgress endedHere(TaskState newStatus, Instant at) {
    return new TaskProgress(
        taskId, newStatus, statusMessage, false, submittedAt, null, checkCount, at);
  }

  public TaskProgress checkAt(Instant nextCheck) {
    return new TaskProgress(
        taskId, status, statusMessage, queued, submittedAt, nextCheck, checkCount, lastCheckedAt);
  }
}
