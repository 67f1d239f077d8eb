package dev.klingbot.kling;

import java.util.Optional;

/**
 * Kling's multi-elements video editing API: init a video (a session), mark elements with points on
 * frames, preview the tracked selection, create an edit task and follow it.
 *
 * <p>Every method throws {@link KlingException} when the call fails or is refused (see {@link
 * KlingException#retryable()} and {@link KlingException#userMessage()}), and {@link
 * IllegalArgumentException} or {@link NullPointerException} for arguments that can never work.
 */
public interface KlingClient {
  /** Registers a video and opens a selection session (valid 24 hours). */
  InitSelectionResult initSelection(InitSelectionRequest request);

  /** Marks points on a frame; answers the masks Kling segmented on that frame. */
  SelectionResult addSelection(SelectionRequest request);

  /** Removes points from a frame; they must be exactly the points that were added. */
  SelectionResult deleteSelection(SelectionRequest request);

  /** Removes every marked point of a session. */
  SelectionResult clearSelection(String sessionId);

  /** Tracks the marked selection through the video and answers preview URLs. */
  PreviewResult previewSelection(String sessionId);

  /** Creates an edit task (a paid call); see the implementation for what happens on failures. */
  TaskInfo createTask(CreateTaskRequest request);

  /** Answers a task's current status and, once it succeeded, its result videos. */
  TaskInfo queryTask(String taskId);

  /**
   * Finds a task by the {@code external_task_id} it was created with; empty when Kling says no such
   * task exists (code 1203, HTTP 404, or HTTP 400 with code 1201).
   */
  Optional<TaskInfo> findTaskByExternalId(String externalTaskId);
}
