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
 */
public record Outcome(
    String resultUrl,
    String resultFile,
    String failureReason,
    Instant finishedAt,
    Instant deliveryStartedAt,
    Instant deliveredAt) {

  public static Outcome none() {
    return new Outcome(null, null, null, null, null, null);
  }

  public Outcome succeeded(String url, Instant at) {
    return new Outcome(url, resultFile, null, at, deliveryStartedAt, deliveredAt);
  }

  public Outcome failed(String reason, Instant at) {
    return new Outcome(resultUrl, resultFile, reason, at, deliveryStartedAt, deliveredAt);
  }

  public Outcome withResultFile(String file) {
    return new Outcome(resultUrl, file, failureReason, finishedAt, deliveryStartedAt, deliveredAt);
  }

  public Outcome deliveryStarted(Instant at) {
    return new Outcome(resultUrl, resultFile, failureReason, finishedAt, at, deliveredAt);
  }

  public Outcome delivered(Instant at) {
    return new Outcome(resultUrl, resultFile, failureReason, finishedAt, deliveryStartedAt, at);
  }
}
