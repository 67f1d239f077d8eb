package dev.klingbot.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Duration;

/**
 * An S3-compatible bucket for shared media (AWS S3, MinIO, Cloudflare R2, ...), used when {@code
 * media.store} is {@code s3}.
 *
 * @param endpoint the S3 API address, e.g. {@code http://127.0.0.1:9000} for MinIO or {@code
 *     https://<account>.r2.cloudflarestorage.com} for R2; {@code null} for AWS S3 itself
 * @param region the bucket's region ({@code us-east-1} for MinIO, {@code auto} for R2)
 * @param bucket the bucket's name; it must exist
 * @param accessKey the access key id; with {@code secretKey}, or neither to use the AWS default
 *     credentials (environment, profile, instance role)
 * @param secretKey the secret access key
 * @param pathStyle address the bucket as {@code <endpoint>/<bucket>/<key>} (MinIO and most
 *     self-hosted servers) rather than {@code <bucket>.<endpoint>/<key>}
 * @param prefix put before every object key, so one bucket can serve several bots
 * @param urlTtl how long a presigned URL stays valid (at most 7 days, S3's own limit)
 */
public record S3Config(
    String endpoint,
    String region,
    String bucket,
    Secret accessKey,
    Secret secretKey,
    boolean pathStyle,
    String prefix,
    Duration urlTtl) {
  /** S3 refuses presigned URLs valid for longer than this. */
  public static final Duration MAX_URL_TTL = Duration.ofDays(7);

  @JsonCreator
  public S3Config {
    endpoint = Check.httpUrl("endpoint", endpoint);
    region = region == null || region.isBlank() ? "us-east-1" : region.strip();
    bucket = Check.optional(bucket);
    if (bucket != null && !bucket.matches("[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9]")) {
      throw new ConfigException(
          "bucket",
          "is '"
              + bucket
              + "'; allowed: 3 to 63 lower-case letters, digits, dots and hyphens (S3's bucket"
              + " naming rules)");
    }
    if ((accessKey == null) != (secretKey == null)) {
      throw new ConfigException(
          accessKey == null ? "access-key" : "secret-key",
          "is not set; set both access-key and secret-key, or neither to use the AWS default"
              + " credentials");
    }
    prefix = prefix == null ? "" : prefix.strip();
    while (prefix.startsWith("/")) {
      prefix = prefix.substring(1);
    }
    if (!prefix.isEmpty() && !prefix.endsWith("/")) {
      prefix = prefix + "/";
    }
    urlTtl = urlTtl == null ? Duration.ofHours(48) : urlTtl;
    Check.positive("url-ttl", urlTtl);
    if (urlTtl.compareTo(MAX_URL_TTL) > 0 || urlTtl.toSeconds() < 1) {
      throw new ConfigException(
          "url-ttl", "is " + Durations.format(urlTtl) + "; allowed: 1s to 7d (S3's limit)");
    }
  }

  public static S3Config defaults() {
    return new S3Config(null, "us-east-1", null, null, null, false, "klingbot/", null);
  }
}
