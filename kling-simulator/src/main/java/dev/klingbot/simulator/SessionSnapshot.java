package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A session as it stands at one moment.
 *
 * @param sessionId the session id
 * @param createdAt when init-selection created it
 * @param expiresAt when it stops being usable
 * @param width video width in pixels
 * @param height video height in pixels
 * @param fps video frame rate
 * @param totalFrames video frame count
 * @param points the marked points per frame index, in the order they were added
 */
public record SessionSnapshot(
    String sessionId,
    Instant createdAt,
    Instant expiresAt,
    int width,
    int height,
    double fps,
    int totalFrames,
    Map<Integer, List<SelectionPoint>> points) {
  public SessionSnapshot {
    requireNonNull(sessionId, "sessionId is null");
    requireNonNull(createdAt, "createdAt is null");
    requireNonNull(expiresAt, "expiresAt is null");
    points = Map.copyOf(requireNonNull(points, "points is null"));
  }
}
