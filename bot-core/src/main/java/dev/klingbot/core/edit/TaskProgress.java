package dev.klingbot.core.edit;

import java.time.Instant;

/**
 * The Kling task as last seen.
 *
 * @param taskId Kling's id; {@code null} until the create call succeeded
 * @param status Kling's last status ({@code submitted}, {@code processing}, ...)
 * @param queued whether the edit waits for a free slot of the Kling account
 * @param nextCheckAt when the job runner looks at the task next
 */
public record TaskProgress(
    String taskId,
    String status,
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
    return new TaskProgress(
        taskId, status, statusMessage, isQueued, submittedAt, nextCheck, checkCount, lastCheckedAt);
  }

  public TaskProgress created(String newTaskId, String newStatus, Instant at, Instant nextCheck) {
    return new TaskProgress(newTaskId, newStatus, null, false, submittedAt, nextCheck, 0, at);
  }

  public TaskProgress checked(String newStatus, String message, Instant at, Instant nextCheck) {
    return new TaskProgress(
        taskId, newStatus, message, false, submittedAt, nextCheck, checkCount + 1, at);
  }

  public TaskProgress checkAt(Instant nextCheck) {
    return new TaskProgress(
        taskId, status, statusMessage, queued, submittedAt, nextCheck, checkCount, lastCheckedAt);
  }
}
