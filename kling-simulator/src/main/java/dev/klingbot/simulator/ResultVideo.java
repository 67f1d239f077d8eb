package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import dev.klingbot.simulator.media.VideoInfo;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A video a task produced; init-selection accepts its id as {@code video_id}.
 *
 * @param id the video id
 * @param sessionId the session of the task that made it
 * @param url where the simulator serves it
 * @param file the file
 * @param info what a probe found in it
 * @param durationSeconds 5 or 10
 * @param createdAt when the task succeeded
 */
record ResultVideo(
    String id,
    String sessionId,
    String url,
    Path file,
    VideoInfo info,
    int durationSeconds,
    Instant createdAt) {
  ResultVideo {
    requireNonNull(id, "id is null");
    requireNonNull(sessionId, "sessionId is null");
    requireNonNull(url, "url is null");
    requireNonNull(file, "file is null");
    requireNonNull(info, "info is null");
    requireNonNull(createdAt, "createdAt is null");
  }
}
