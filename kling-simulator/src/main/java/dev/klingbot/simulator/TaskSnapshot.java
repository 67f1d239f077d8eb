package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A task as it stands at one moment.
 *
 * @param taskId the simulator's task id
 * @param externalTaskId the caller's {@code external_task_id}, if given
 * @param sessionId the session the task edits
 * @param modelName model name as requested (default {@code kling-v1-6})
 * @param editMode {@code addition}, {@code swap} or {@code removal}
 * @param mode {@code std} or {@code pro}
 * @param duration {@code "5"} or {@code "10"}
 * @param prompt the prompt
 * @param imageCount number of reference images
 * @param callbackUrl the callback URL, if given
 * @param status {@code submitted}, {@code processing}, {@code succeed} or {@code failed}
 * @param statusMessage the failure reason, or empty
 * @param createdAt creation time
 * @param updatedAt time of the last status change
 * @param resultVideoId the result video's id once succeeded (usable as init-selection {@code
 *     video_id})
 * @param resultUrl the result video's URL once succeeded
 * @param resultFile the result video's file once succeeded
 */
public record TaskSnapshot(
    String taskId,
    Optional<String> externalTaskId,
    String sessionId,
    String modelName,
    String editMode,
    String mode,
    String duration,
    String prompt,
    int imageCount,
    Optional<String> callbackUrl,
    String status,
    String statusMessage,
    Instant createdAt,
    Instant updatedAt,
    Optional<String> resultVideoId,
    Optional<String> resultUrl,
    Optional<Path> resultFile) {
  public TaskSnapshot {
    requireNonNull(taskId, "taskId is null");
    requireNonNull(externalTaskId, "externalTaskId is null");
    requireNonNull(sessionId, "sessionId is null");
    requireNonNull(modelName, "modelName is null");
    requireNonNull(editMode, "editMode is null");
    requireNonNull(mode, "mode is null");
    requireNonNull(duration, "duration is null");
    requireNonNull(prompt, "prompt is null");
    requireNonNull(callbackUrl, "callbackUrl is null");
    requireNonNull(status, "status is null");
    requireNonNull(statusMessage, "statusMessage is null");
    requireNonNull(createdAt, "createdAt is null");
    requireNonNull(updatedAt, "updatedAt is null");
    requireNonNull(resultVideoId, "resultVideoId is null");
    requireNonNull(resultUrl, "resultUrl is null");
    requireNonNull(resultFile, "resultFile is null");
  }

  /** Whether the task has ended ({@code succeed} or {@code failed}). */
  public boolean finished() {
    return status.equals("succeed") || status.equals("failed");
  }
}
