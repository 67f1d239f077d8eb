package dev.klingbot.config;

import java.time.Duration;

/**
 * Limits and storage for videos and images.
 *
 * @param workDir where source videos, frames and results are kept
 * @param maxVideoSize a larger video is refused before it is downloaded
 * @param maxImageSize a larger reference image is refused
 * @param downloadTimeout how long one download may take
 * @param retention how long files of finished edits are kept
 */
public record MediaConfig(
    String workDir,
    DataSize maxVideoSize,
    DataSize maxImageSize,
    Duration downloadTimeout,
    Duration retention) {

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

  public static MediaConfig defaults() {
    return new MediaConfig(
        "./data/media",
        DataSize.ofMegabytes(200),
        DataSize.ofMegabytes(10),
        Duration.ofMinutes(5),
        Duration.ofDays(7));
  }
}
