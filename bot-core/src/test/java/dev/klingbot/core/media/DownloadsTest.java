package dev.klingbot.core.media;

import static dev.klingbot.core.media.MediaAssertions.assertMediaProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class DownloadsTest {
  @RegisterExtension static final SharedHttpClient HTTP = new SharedHttpClient();
  private static final OkHttpClient CLIENT = HTTP.client;
  private static final long MB = 1 << 20;

  @StartStop final MockWebServer server = new MockWebServer();

  @TempDir Path folder;

  private final Downloads downloads =
      new Downloads(CLIENT, Duration.ofSeconds(20), AddressGuard.allowingPrivate());

  @Test
  void streamsTheBodyToTheTarget() throws Exception {
    byte[] video = bytes(300_000);
    server.enqueue(new MockResponse.Builder().body(new Buffer().write(video)).build());
    Path target = folder.resolve("video.mp4");

    long written = downloads.download(server.url("/v.mp4").toString(), target, MB);

    assertThat(written).isEqualTo(video.length);
    assertThat(Files.readAllBytes(target)).isEqualTo(video);
    assertThat(files()).containsExactly(target);
  }

  @Test
  void refusesATooLargeContentLengthWithoutReadingTheBody() {
    // 5 MB at 64 KB a second would take over a minute to read
    server.enqueue(
        new MockResponse.Builder()
            .body(new Buffer().write(new byte[(int) (5 * MB)]))
            .throttleBody(64 * 1024, 1, TimeUnit.SECONDS)
            .build());
    Path target = folder.resolve("big.mp4");
    long start = System.nanoTime();

    assertRefusedLeavingNoFile(
            () -> downloads.download(server.url("/big.mp4").toString(), target, MB),
            MediaProblem.TOO_LARGE)
        .isEqualTo("This video is 5.0 MB; the limit is 1.0 MB. Trim or compress it and try again.");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void abortsAStreamWithoutLengthOnceItPassesTheCap() {
    server.enqueue(
        new MockResponse.Builder()
            .chunkedBody(new Buffer().write(new byte[(int) (3 * MB)]), 16 * 1024)
            .build());
    Path target = folder.resolve("endless.mp4");

    assertRefusedLeavingNoFile(
            () -> downloads.download(server.url("/x").toString(), target, MB),
            MediaProblem.TOO_LARGE)
        .contains("larger than the limit of 1.0 MB");
  }

  @Test
  void explainsAnErrorStatus() {
    server.enqueue(new MockResponse.Builder().code(404).body("nope").build());

    assertRefusedLeavingNoFile(
            () -> downloads.download(server.url("/gone.mp4").toString(), folder.resolve("a"), MB),
            MediaProblem.HTTP_ERROR)
        .startsWith("The link answered 404 Not Found.");
  }

  @Test
  void aWebPageIsNotAVideo() {
    server.enqueue(
        new MockResponse.Builder()
            .setHeader("Content-Type", "text/html; charset=utf-8")
            .body("<html>watch my video</html>")
            .build());

    assertMediaProblem(
        () -> downloads.download(server.url("/page").toString(), folder.resolve("a"), MB),
        MediaProblem.NOT_A_VIDEO);
  }

  @Test
  void givesUpWhenTheDownloadTakesTooLong() {
    Downloads impatient =
        new Downloads(CLIENT, Duration.ofMillis(300), AddressGuard.allowingPrivate());
    server.enqueue(new MockResponse.Builder().body("slow").bodyDelay(3, TimeUnit.SECONDS).build());

    assertRefusedLeavingNoFile(
            () -> impatient.download(server.url("/slow").toString(), folder.resolve("a"), MB),
            MediaProblem.TIMEOUT)
        .contains("took longer than");
  }

  @Test
  void refusesWhatIsNotAWebLink() {
    assertMediaProblem(
        () -> downloads.download("ftp://example.com/a.mp4", folder.resolve("a"), MB),
        MediaProblem.BAD_URL);
  }

  @Test
  void copiesLocalFilesUnderTheCap() throws Exception {
    Path source = Files.write(folder.resolve("source.bin"), bytes(10_000));
    Path target = folder.resolve("out/copy.bin");

    assertThat(downloads.copy(source, target, MB)).isEqualTo(10_000);
    assertThat(Files.mismatch(source, target)).isEqualTo(-1);
  }

  @Test
  void refusesLocalFilesOverTheCap() throws Exception {
    Path source = Files.write(folder.resolve("source.bin"), bytes(10_000));

    assertMediaProblem(
            () -> downloads.copy(source, folder.resolve("copy.bin"), 5_000), MediaProblem.TOO_LARGE)
        .startsWith("This video is 9.8 KB; the limit is 4.9 KB.");
    assertThat(Files.exists(folder.resolve("copy.bin"))).isFalse();
  }

  private static byte[] bytes(int size) {
    byte[] bytes = new byte[size];
    new Random(42).nextBytes(bytes);
    return bytes;
  }

  /** Asserts that {@code call} fails with {@code kind} and leaves no file behind. */
  private AbstractStringAssert<?> assertRefusedLeavingNoFile(
      ThrowingCallable call, MediaProblem kind) {
    AbstractStringAssert<?> sentence = assertMediaProblem(call, kind);
    assertThat(files()).isEmpty();
    return sentence;
  }

  private List<Path> files() {
    try (Stream<Path> files = Files.list(folder)) {
      return files.toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
