package dev.klingbot.kling;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * A task as Kling reports it (create answer, query answer or callback body). On {@link
 * TaskStatus#FAILED} the reason is {@code statusMessage} ({@code task_status_msg}). Fields Kling
 * leaves out are null; {@code videos} is empty until the task succeeds.
 *
 * <p>Parse a callback body with {@link #fromJson(String)}.
 */
public record TaskInfo(
    String taskId,
    TaskStatus status,
    String statusMessage,
    String sessionId,
    String externalTaskId,
    Instant createdAt,
    Instant updatedAt,
    List<ResultVideo> videos) {
  public TaskInfo {
    requireNonNull(status, "status is null");
    videos = videos == null ? List.of() : List.copyOf(videos);
  }

  /**
   * Parses a task's {@code data} object, as Kling POSTs it to a callback URL (an envelope around it
   * is tolerated).
   *
   * @throws KlingException ({@link KlingErrorCode#INVALID_RESPONSE}) when the text is not a JSON
   *     object
   */
  public static TaskInfo fromJson(String json) {
    return KlingJson.parseTaskData(json);
  }
}
