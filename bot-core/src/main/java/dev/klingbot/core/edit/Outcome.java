package dev.klingbot.core.edit;

import java.time.Instant;

/**
 * How the edit ended and whether the user has been told.
 *
 * @param resultUrl Kling's result video URL
 * @param resultFile the downloaded result
 * @param failureReason plain words for the user when it failed or expired
 * @param deliveryStartedAt set just before the final message is posted
 * @param deliveredAt set once the final message (result or failure) was posted
 * @param resultVideoId Kling's id of the result video ({@code task_result.videos[].id}), which
 *     init-selection takes as {@code video_id} for 30 days
 */
public record Outcome(
    String resultUrl,
    String resultFile,
    String failureReason,
    Instant finishedAt,
    Instant deliveryStartedAt,
    Instant deliveredAt,
    String resultVideoId) {

  public Outcome(
      String resultUrl,
      String resultFile,
      String failureReason,
      Instant finishedAt,
      Instant deliveryStartedAt,
      Instant deliveredAt) {
    this(resultUrl, resultFile, failureReason, finishedAt, deliveryStartedAt, deliveredAt, null);
  }

  public static Outcome none() {
    return new Outcome(null, null, null, null, null, null, null);
  }

  public Outcome succeeded(String url, Instant at) {
    return succeeded(url, null, at);
  }

  /** The task succeeded with the result at {@code url}, Kling's video {@code videoId}. */
  public Outcome succeeded(String url, String videoId, Instant at) {
    return new Outcome(url, resultFile, null, at, deliveryStartedAt, deliveredAt, videoId);
  }

  public Outcome failed(String reason, Instant at) {
    return new Outcome(
        resultUrl, resultFile, reason, at, deliveryStartedAt, deliveredAt, resultVideoId);
  }

  public Outcome withResultFile(String file) {
    return new Outcome(
        resultUrl, file, failureReason, finishedAt, deliveryStartedAt, deliveredAt, resultVideoId);
  }

  public Outcome deliveryStarted(Instant at) {
    return new Outcome(
        resultUrl, resultFile, failureReason, finishedAt, at, deliveredAt, resultVideoId);
  }

  public Outcome delivered(Instant at) {
    return new Outcome(
        resultUrl, resultFile, failureReason, finishedAt, deliveryStartedAt, at, resultVideoId);
  }
}
