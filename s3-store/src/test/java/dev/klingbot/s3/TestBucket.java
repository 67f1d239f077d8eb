package dev.klingbot.s3;

import dev.klingbot.config.S3Config;
import dev.klingbot.config.Secret;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;

/**
 * A real S3 API server in-process: s3proxy on 127.0.0.1 (a free port) over jclouds' in-memory
 * {@code transient} blob store, with one bucket and AWS V4 signatures checked.
 */
public final class TestBucket implements AutoCloseable {
  public static final String BUCKET = "klingbot-media";
  public static final String ACCESS_KEY = "test-access-key";
  public static final String SECRET_KEY = "test-secret-key-do-not-print";

  private final BlobStoreContext context;
  private final S3Proxy proxy;
  private final String endpoint;

  public TestBucket() throws Exception {
    context =
        ContextBuilder.newBuilder("transient")
            .credentials("identity", "credential")
            .build(BlobStoreContext.class);
    context.getBlobStore().createContainerInLocation(null, BUCKET);
    proxy =
        S3Proxy.builder()
            .blobStore(context.getBlobStore())
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .build();
    proxy.start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!"STARTED".equals(proxy.getState())) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
      }
      Thread.sleep(10);
    }
    endpoint = "http://127.0.0.1:" + proxy.getPort();
  }

  public String endpoint() {
    return endpoint;
  }

  /** What the server holds, read past the S3 API. */
  public BlobStore blobs() {
    return context.getBlobStore();
  }

  /** The bucket as a bot would configure it (path-style, as for MinIO). */
  public S3Config config(Duration urlTtl) {
    return config(Secret.of(SECRET_KEY), urlTtl);
  }

  /** The same bucket signed with {@code secretKey}: a wrong one makes the bucket refuse. */
  public S3Config config(Secret secretKey, Duration urlTtl) {
    return new S3Config(
        endpoint, "us-east-1", BUCKET, Secret.of(ACCESS_KEY), secretKey, true, "bot/", urlTtl);
  }

  /** How many objects the bucket holds under a key prefix. */
  public long objectsUnder(String prefix) {
    return blobs().list(BUCKET, ListContainerOptions.Builder.prefix(prefix).recursive()).stream()
        .map(StorageMetadata::getName)
        .filter(name -> name.startsWith(prefix))
        .count();
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
    context.close();
  }
}
