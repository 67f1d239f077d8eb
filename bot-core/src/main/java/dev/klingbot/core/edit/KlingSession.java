package dev.klingbot.core.edit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** Kling's selection session for the video: what init-selection answered. */
public record KlingSession(
    String sessionId,
    Instant expiresAt,
    int width,
    int height,
    int totalFrames,
    double fps,
    String previewVideoUrl,
    String previewCoverUrl) {

  public KlingSession {
    requireNonNull(sessionId, "sessionId is null");
    requireNonNull(expiresAt, "expiresAt is null");
  }

  public KlingSession withPreview(String videoUrl, String coverUrl) {
    return new KlingSession(
        sessionId, expiresAt, width, height, totalFrames, fps, videoUrl, coverUrl);
  }

  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
