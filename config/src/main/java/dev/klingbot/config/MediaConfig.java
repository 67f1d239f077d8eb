package dev.klingbot.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Duration;

/**
 * Limits and storage for videos and images.
 *
 * @param workDir where source videos, frames and results are kept
 * @param maxVideoSize a larger video is refused before it is downloaded
 * @param maxImageSize a larger reference image is refused
 * @param downloadTimeout how long one download may take
 * @param retention how long files of finished edits are kept
 * @param allowPrivateUrls fetch links that point at loopback, private or link-local addresses
 *     (development only; refused by default so a chat user cannot make the bot read internal
 *     services)
 */
public record MediaConfig(
    String workDir,
    DataSize maxVideoSize,
    DataSize maxImageSize,
    Duration downloadTimeout,
    Duration retention,
    boolean allowPrivateUrls) {

  @JsonCreator
  public MediaConfig {
    workDir = Check.nonBlank("work-dir", workDir, "./data/media");
    if (maxVideoSize == null || maxVideoSize.bytes() < 1024) {
      throw new ConfigException("max-video-size", "is " + maxVideoSize + "; allowed: 1KB or more");
    }
    if (maxImageSize == null || maxImageSize.bytes() < 1024) {
      throw new ConfigException("max-image-size", "is " + maxImageSize + "; allowed: 1KB or more");
    }
    Check.positive("download-timeout", downloadTimeout);
    Check.positive("retention", retention);
  }

  /** Limits and storage, refusing links to private addresses. */
  public MediaConfig(
      String workDir,
      DataSize maxVideoSize,
      DataSize maxImageSize,
      Duration downloadTimeout,
      Duration retention) {
    this(workDir, maxVideoSize, maxImageSize, downloadTimeout, retention, false);
  }

  /** The same limits with links to private addresses allowed or refused. */
  public MediaConfig withAllowPrivateUrls(boolean allow) {
    return new MediaConfig(workDir, maxVideoSize, maxImageSize, downloadTimeout, retention, allow);
  }

  public static MediaConfig defaults() {
    return new MediaConfig(
        "./data/media",
        DataSize.ofMegabytes(200),
        DataSize.ofMegabytes(10),
        Duration.ofMinutes(5),
        Duration.ofDays(7));
  }
}
