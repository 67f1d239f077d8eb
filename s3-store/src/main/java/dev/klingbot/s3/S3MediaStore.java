package dev.klingbot.s3;

import static java.util.Objects.requireNonNull;

import dev.klingbot.config.S3Config;
import dev.klingbot.core.relay.MediaStore;
import dev.klingbot.core.relay.MediaStoreException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The media store on an S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, ...). A file of the
 * media folder becomes the object {@code <prefix><edit id>/<file name>}: it is uploaded when a URL
 * for it is first asked for (again when the file changed), and the URL is a presigned GET that
 * anyone holding it can fetch until it expires: Kling, a chat user, another bot process. Retention
 * deletes an edit's objects.
 */
public final class S3MediaStore implements MediaStore, AutoCloseable {
  private final Path root;
  private final S3Client client;
  private final S3Presigner presigner;
  private final String bucket;
  private final String prefix;
  private final Duration urlTtl;
  private final String where;
  private final Map<String, Published> published = new ConcurrentHashMap<>();

  S3MediaStore(
      Path root,
      S3Client client,
      S3Presigner presigner,
      String bucket,
      String prefix,
      Duration urlTtl,
      String where) {
    this.root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
    this.client = requireNonNull(client, "client is null");
    this.presigner = requireNonNull(presigner, "presigner is null");
    this.bucket = requireNonNull(bucket, "bucket is null");
    this.prefix = requireNonNull(prefix, "prefix is null");
    this.urlTtl = requireNonNull(urlTtl, "urlTtl is null");
    this.where = requireNonNull(where, "where is null");
  }

  /**
   * A store for the media folder {@code root} on the bucket {@code config} names. Makes no request
   * yet: a wrong endpoint or key shows at the first upload, as a {@link MediaStoreException}.
   */
  public static S3MediaStore open(Path root, S3Config config) {
    requireNonNull(config, "config is null");
    if (config.bucket() == null) {
      throw new IllegalArgumentException("media.s3.bucket is not set");
    }
    AwsCredentialsProvider credentials =
        config.accessKey() == null
            ? DefaultCredentialsProvider.builder().build()
            : StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    config.accessKey().reveal(), config.secretKey().reveal()));
    Region region = Region.of(config.region());
    S3Configuration addressing =
        S3Configuration.builder().pathStyleAccessEnabled(config.pathStyle()).build();
    S3ClientBuilder client =
        S3Client.builder()
            .region(region)
            .credentialsProvider(credentials)
            .serviceConfiguration(addressing)
            // checksums only where S3 requires them: MinIO, R2 and older servers do not all
            // understand the newer default (aws-chunked uploads with trailing checksums)
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .httpClient(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(10))
                    .socketTimeout(Duration.ofMinutes(2))
                    .build());
    S3Presigner.Builder presigner =
        S3Presigner.builder()
            .region(region)
            .credentialsProvider(credentials)
            .serviceConfiguration(addressing);
    if (config.endpoint() != null) {
      client.endpointOverride(URI.create(config.endpoint()));
      presigner.endpointOverride(URI.create(config.endpoint()));
    }
    String where =
        "bucket “"
            + config.bucket()
            + "” at "
            + (config.endpoint() == null ? "AWS S3 (" + config.region() + ")" : config.endpoint());
    return new S3MediaStore(
        root,
        client.build(),
        presigner.build(),
        config.bucket(),
        config.prefix(),
        config.urlTtl(),
        where);
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public boolean shared() {
    return true;
  }

  @Override
  public Optional<String> urlFor(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    if (!absolute.startsWith(root) || absolute.equals(root)) {
      throw new IllegalArgumentException("only files under the media folder can be stored");
    }
    String key = prefix + root.relativize(absolute).toString().replace('\\', '/');
    if (Files.isRegularFile(absolute)) {
      publish(absolute, key);
    } else if (!exists(key)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          presigner
              .presignGetObject(
                  request ->
                      request
                          .signatureDuration(urlTtl)
                          .getObjectRequest(get -> get.bucket(bucket).key(key)))
              .url()
              .toString());
    } catch (SdkException e) {
      throw failure("could not sign a link to " + absolute.getFileName(), e);
    }
  }

  @Override
  public int deleteEdit(String editId) {
    if (editId == null || editId.isBlank() || editId.contains("/")) {
      throw new IllegalArgumentException("not an edit id: " + editId);
    }
    String folder = prefix + editId + "/";
    int deleted = 0;
    try {
      for (S3Object object :
          client.listObjectsV2Paginator(list -> list.bucket(bucket).prefix(folder)).contents()) {
        client.deleteObject(delete -> delete.bucket(bucket).key(object.key()));
        published.remove(object.key());
        deleted++;
      }
    } catch (SdkException e) {
      throw failure("could not delete the files of edit " + editId, e);
    }
    return deleted;
  }

  /** The object's key for a file of the media folder (for tests and logs). */
  String keyOf(Path file) {
    return prefix
        + root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  @Override
  public void close() {
    presigner.close();
    client.close();
  }

  /** Uploads the file unless this process already uploaded it as it is now. */
  private void publish(Path file, String key) {
    Published now;
    try {
      now = new Published(Files.size(file), Files.getLastModifiedTime(file).toMillis());
    } catch (IOException e) {
      throw new MediaStoreException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
    }
    if (now.equals(published.get(key))) {
      return;
    }
    try {
      client.putObject(
          put -> put.bucket(bucket).key(key).contentType(contentType(file)),
          RequestBody.fromFile(file));
    } catch (SdkException e) {
      throw failure("could not store " + file.getFileName(), e);
    }
    published.put(key, now);
  }

  private boolean exists(String key) {
    try {
      client.headObject(head -> head.bucket(bucket).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw failure("could not look up " + key, e);
    } catch (SdkException e) {
      throw failure("could not look up " + key, e);
    }
  }

  /** A sentence for the admin: which bucket, what failed, what S3 said; never a key or a URL. */
  private MediaStoreException failure(String what, SdkException e) {
    String reason;
    if (e instanceof S3Exception s3 && s3.awsErrorDetails() != null) {
      reason =
          s3.awsErrorDetails().errorCode()
              + " (HTTP "
              + s3.statusCode()
              + ")"
              + hint(s3.statusCode());
    } else if (e instanceof S3Exception s3) {
      reason = "HTTP " + s3.statusCode() + hint(s3.statusCode());
    } else {
      reason =
          "it cannot be reached ("
              + firstLine(e.getMessage())
              + "); check media.s3.endpoint and the network";
    }
    return new MediaStoreException("The media " + where + " " + what + ": " + reason + ".", e);
  }

  private static String hint(int status) {
    return switch (status) {
      case 301, 400 -> "; check media.s3.region and media.s3.path-style";
      case 401, 403 -> "; check media.s3.access-key and media.s3.secret-key";
      case 404 -> "; check that media.s3.bucket exists";
      default -> "";
    };
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no answer";
    }
    String first = message.lines().findFirst().orElse(message).strip();
    return first.length() > 200 ? first.substring(0, 200) + "…" : first;
  }

  static String contentType(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1);
    return switch (extension) {
      case "mp4" -> "video/mp4";
      case "mov" -> "video/quicktime";
      case "webm" -> "video/webm";
      case "png" -> "image/png";
      case "jpg", "jpeg" -> "image/jpeg";
      case "webp" -> "image/webp";
      case "gif" -> "image/gif";
      default -> "application/octet-stream";
    };
  }

  /** What a file was like when this process uploaded it. */
  private record Published(long size, long modifiedMillis) {}
}
