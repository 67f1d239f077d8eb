package dev.klingbot.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Duration;
import java.util.Set;

/**
 * Limits and storage for videos and images.
 *
 * @param workDir where source videos, frames and results are kept
 * @param maxVideoSize a larger video is refused before it is downloaded
 * @param maxImageSize a larger reference image is refused (at most Kling's own limit, 10MB)
 * @param downloadTimeout how long one download may take
 * @param retention how long files of finished edits are kept
 * @param allowPrivateUrls fetch links that point at loopback, private or link-local addresses
 *     (development only; refused by default so a chat user cannot make the bot read internal
 *     services)
 * @param diskBudget when the media folder holds more than this, new edits are refused (and the
 *     admin warned in the log) until files are removed or the budget is raised
 * @param store where shared media lives and what links point to: {@code local} (the media folder,
 *     served by the bot's relay under {@code http.public-base-url}) or {@code s3} (a bucket, with
 *     presigned URLs; the media folder stays the working copy)
 * @param s3 the bucket, when {@code store} is {@code s3}
 */
public record MediaConfig(
    String workDir,
    DataSize maxVideoSize,
    DataSize maxImageSize,
    Duration downloadTimeout,
    Duration retention,
    boolean allowPrivateUrls,
    DataSize diskBudget,
    String store,
    S3Config s3) {
  /** The media stay in the local folder and the bot's relay serves them. */
  public static final String LOCAL = "local";

  /** The media are shared through an S3-compatible bucket. */
  public static final String S3 = "s3";

  /** Kling's limit for a reference image. */
  public static final DataSize KLING_MAX_IMAGE_SIZE = DataSize.ofMegabytes(10);

  /** The media folder's default budget. */
  public static final DataSize DEFAULT_DISK_BUDGET = DataSize.ofMegabytes(20 * 1024);

  @JsonCreator
  public MediaConfig {
    workDir = Check.nonBlank("work-dir", workDir, "./data/media");
    if (maxVideoSize == null || maxVideoSize.bytes() < 1024) {
      throw new ConfigException("max-video-size", "is " + maxVideoSize + "; allowed: 1KB or more");
    }
    if (maxImageSize == null || maxImageSize.bytes() < 1024) {
      throw new ConfigException(
          "max-image-size", "is " + maxImageSize + "; allowed: 1KB to 10MB (Kling's limit)");
    }
    if (maxImageSize.bytes() > KLING_MAX_IMAGE_SIZE.bytes()) {
      throw new ConfigException(
          "max-image-size",
          "is " + maxImageSize + "; allowed: 1KB to 10MB (Kling refuses larger images)");
    }
    diskBudget = diskBudget == null ? DEFAULT_DISK_BUDGET : diskBudget;
    if (diskBudget.bytes() < 1024L * 1024) {
      throw new ConfigException("disk-budget", "is " + diskBudget + "; allowed: 1MB or more");
    }
    Check.positive("download-timeout", downloadTimeout);
    Check.positive("retention", retention);
    store =
        store == null || store.isBlank() ? LOCAL : Check.oneOf("store", store, Set.of(LOCAL, S3));
    s3 = s3 == null ? S3Config.defaults() : s3;
    if (store.equals(S3) && s3.bucket() == null) {
      throw new ConfigException(
          "s3.bucket",
          "is not set; media.store is s3, so name the bucket (KLINGBOT_MEDIA_S3_BUCKET) or set"
              + " media.store back to local");
    }
  }

  /** Whether media are shared through an S3-compatible bucket. */
  public boolean usesS3() {
    return store.equals(S3);
  }

  /** The same limits and storage with another media folder. */
  public MediaConfig withWorkDir(String folder) {
    return new MediaConfig(
        folder,
        maxVideoSize,
        maxImageSize,
        downloadTimeout,
        retention,
        allowPrivateUrls,
        diskBudget,
        store,
        s3);
  }

  /** The same limits with media shared through this bucket. */
  public MediaConfig withS3(S3Config bucket) {
    return new MediaConfig(
        workDir,
        maxVideoSize,
        maxImageSize,
        downloadTimeout,
        retention,
        allowPrivateUrls,
        diskBudget,
        S3,
        bucket);
  }

  public static MediaConfig defaults() {
    return new MediaConfig(
        "./data/media",
        DataSize.ofMegabytes(200),
        DataSize.ofMegabytes(10),
        Duration.ofMinutes(5),
        Duration.ofDays(7),
        false,
        null,
        LOCAL,
        null);
  }
}
