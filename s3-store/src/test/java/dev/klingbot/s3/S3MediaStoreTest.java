package dev.klingbot.s3;

import static dev.klingbot.s3.TestBucket.BUCKET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.klingbot.config.S3Config;
import dev.klingbot.config.Secret;
import dev.klingbot.core.relay.MediaStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bucket store against a real S3 API server (s3proxy) over real HTTP. */
class S3MediaStoreTest {
  private static TestBucket bucket;
  private final OkHttpClient http = new OkHttpClient();

  @TempDir Path media;

  @BeforeAll
  static void startBucket() throws Exception {
    bucket = new TestBucket();
  }

  @AfterAll
  static void stopBucket() throws Exception {
    bucket.close();
  }

  private S3MediaStore store(Path root, Duration ttl) {
    return S3MediaStore.open(root, bucket.config(ttl));
  }

  private static byte[] write(Path file, int size, long seed) throws IOException {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    return bytes;
  }

  private Response get(String url, String range) throws IOException {
    Request.Builder request = new Request.Builder().url(url);
    if (range != null) {
      request.header("Range", range);
    }
    return http.newCall(request.build()).execute();
  }

  @Test
  void aFileIsUploadedAndItsPresignedUrlAnswersWithTheBytesAndRanges() throws Exception {
    Path source = media.resolve("edit-1").resolve("source.mp4");
    byte[] bytes = write(source, 200_000, 1);

    try (S3MediaStore store = store(media, Duration.ofHours(1))) {
      String url = store.urlFor(source).orElseThrow();

      assertThat(url)
          .startsWith(bucket.endpoint() + "/" + BUCKET + "/bot/edit-1/source.mp4?")
          .contains("X-Amz-Signature=")
          .contains("X-Amz-Expires=3600")
          .doesNotContain(TestBucket.SECRET_KEY);
      try (Response whole = get(url, null)) {
        assertThat(whole.code()).isEqualTo(200);
        assertThat(whole.header("Content-Type")).isEqualTo("video/mp4");
        assertThat(whole.body().bytes()).isEqualTo(bytes);
      }
      try (Response part = get(url, "bytes=1000-1999")) {
        assertThat(part.code()).isEqualTo(206);
        assertThat(part.header("Content-Range")).isEqualTo("bytes 1000-1999/200000");
        assertThat(part.body().bytes()).isEqualTo(Arrays.copyOfRange(bytes, 1000, 2000));
      }
    }
  }

  @Test
  void aChangedFileIsUploadedAgain() throws Exception {
    Path mask = media.resolve("edit-2").resolve("selection-0.png");
    write(mask, 1000, 2);
    try (S3MediaStore store = store(media, Duration.ofHours(1))) {
      store.urlFor(mask);
      byte[] redrawn = write(mask, 1500, 3);
      Files.setLastModifiedTime(
          mask, java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(5)));

      try (Response response = get(store.urlFor(mask).orElseThrow(), null)) {
        assertThat(response.header("Content-Type")).isEqualTo("image/png");
        assertThat(response.body().bytes()).isEqualTo(redrawn);
      }
    }
  }

  @Test
  void anotherBotProcessWithoutTheFileStillGetsALinkFromTheBucket(@TempDir Path otherMachine)
      throws Exception {
    Path result = media.resolve("edit-3").resolve("result-edit-3.mp4");
    byte[] bytes = write(result, 5000, 4);
    try (S3MediaStore here = store(media, Duration.ofHours(1));
        S3MediaStore there = store(otherMachine, Duration.ofHours(1))) {
      here.urlFor(result);

      String url = there.urlFor(otherMachine.resolve("edit-3/result-edit-3.mp4")).orElseThrow();
      try (Response response = get(url, null)) {
        assertThat(response.body().bytes()).isEqualTo(bytes);
      }
      assertThat(there.urlFor(otherMachine.resolve("edit-3/never-written.png"))).isEmpty();
    }
  }

  @Test
  void aPresignedUrlPastItsLifetimeIsRefusedByTheServer() throws Exception {
    Path frame = media.resolve("edit-4").resolve("frame-0.png");
    write(frame, 800, 5);
    try (S3MediaStore shortLived = store(media, Duration.ofSeconds(1));
        S3MediaStore longLived = store(media, Duration.ofHours(1))) {
      String expiring = shortLived.urlFor(frame).orElseThrow();
      assertThat(expiring).contains("X-Amz-Expires=1&").doesNotContain("X-Amz-Expires=3600");

      // S3 counts the lifetime from the signing second; wait (bounded) until the server refuses.
      Instant deadline = Instant.now().plusSeconds(10);
      int code = 0;
      String body = "";
      while (Instant.now().isBefore(deadline)) {
        try (Response response = get(expiring, null)) {
          code = response.code();
          body = response.body().string();
        }
        if (code == 403) {
          break;
        }
        Thread.sleep(200);
      }
      assertThat(code).isEqualTo(403);
      assertThat(body).contains("AccessDenied").contains("expired");
      try (Response fresh = get(longLived.urlFor(frame).orElseThrow(), null)) {
        assertThat(fresh.code()).isEqualTo(200);
      }
    }
  }

  @Test
  void retentionDeletesEveryObjectOfTheEditAndNothingElse() throws Exception {
    Path old = media.resolve("edit-old");
    Path kept = media.resolve("edit-kept").resolve("source.mp4");
    write(old.resolve("source.mp4"), 3000, 6);
    write(old.resolve("frame-0.png"), 300, 7);
    write(old.resolve("result-edit-old.mp4"), 4000, 8);
    write(kept, 100, 9);
    try (S3MediaStore store = store(media, Duration.ofHours(1))) {
      String oldUrl = store.urlFor(old.resolve("result-edit-old.mp4")).orElseThrow();
      store.urlFor(old.resolve("source.mp4"));
      store.urlFor(old.resolve("frame-0.png"));
      String keptUrl = store.urlFor(kept).orElseThrow();

      assertThat(store.deleteEdit("edit-old")).isEqualTo(3);

      assertThat(bucket.objectsUnder("bot/edit-old/")).isZero();
      assertThat(bucket.objectsUnder("bot/edit-kept/")).isEqualTo(1);
      try (Response gone = get(oldUrl, null)) {
        assertThat(gone.code()).isEqualTo(404);
      }
      try (Response still = get(keptUrl, null)) {
        assertThat(still.code()).isEqualTo(200);
      }
      assertThat(store.deleteEdit("edit-old")).isZero();
    }
  }

  @Test
  void aWrongSecretKeyGivesASentenceThatNamesTheSettingsAndHidesTheKey() throws Exception {
    Path source = media.resolve("edit-5").resolve("source.mp4");
    write(source, 100, 10);
    S3Config wrong = bucket.config(Secret.of("not-the-secret-XYZ"), Duration.ofHours(1));

    try (S3MediaStore store = S3MediaStore.open(media, wrong)) {
      assertThatThrownBy(() -> store.urlFor(source))
          .isInstanceOf(MediaStoreException.class)
          .hasMessageStartingWith(
              "The media bucket “" + BUCKET + "” at " + bucket.endpoint() + " could not store")
          .hasMessageContaining("(HTTP 403)")
          .hasMessageContaining("check media.s3.access-key and media.s3.secret-key")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-the-secret-XYZ"));
    }
  }

  @Test
  void anUnreachableEndpointSaysSo() throws Exception {
    Path source = media.resolve("edit-6").resolve("source.mp4");
    write(source, 100, 11);
    int closedPort;
    try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    S3Config good = bucket.config(Duration.ofHours(1));
    S3Config nowhere =
        new S3Config(
            "http://127.0.0.1:" + closedPort,
            good.region(),
            good.bucket(),
            good.accessKey(),
            good.secretKey(),
            true,
            good.prefix(),
            good.urlTtl());

    try (S3MediaStore store = S3MediaStore.open(media, nowhere)) {
      assertThatThrownBy(() -> store.urlFor(source))
          .isInstanceOf(MediaStoreException.class)
          .hasMessageContaining("could not store source.mp4: it cannot be reached")
          .hasMessageContaining("check media.s3.endpoint");
    }
  }

  @Test
  void onlyFilesOfTheMediaFolderCanBeStored(@TempDir Path elsewhere) throws Exception {
    Path outside = elsewhere.resolve("secret.txt");
    write(outside, 10, 12);
    try (S3MediaStore store = store(media, Duration.ofHours(1))) {
      assertThatThrownBy(() -> store.urlFor(outside))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("only files under the media folder can be stored");
      assertThatThrownBy(() -> store.urlFor(media.resolve("../escape.mp4")))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
