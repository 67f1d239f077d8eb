package dev.klingbot.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.relay.MediaRelay;
import dev.klingbot.core.relay.UrlSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The media relay over real HTTP: signed links work, forged, expired and escaping ones do not. */
class MediaRouteTest {
  @TempDir Path root;

  private AppHttpServer server;
  private MediaRelay relay;
  private final HttpClient http = HttpClient.newHttpClient();
  private final byte[] content = new byte[10_000];

  @BeforeEach
  void start() throws Exception {
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) i;
    }
    Files.createDirectories(root.resolve("EDIT1234"));
    Files.write(root.resolve("EDIT1234/source.mp4"), content);
    Files.writeString(root.resolve("secret.txt"), "not for Kling");
    server = new AppHttpServer("127.0.0.1", 0);
    server.start();
    relay =
        new MediaRelay(
            root,
            "http://127.0.0.1:" + server.port(),
            new UrlSigner("0123456789abcdef0123"),
            Duration.ofHours(1),
            Clock.systemUTC());
    server.route("/media/", new MediaRoute(relay));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<byte[]> get(String url, String range) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (range != null) {
      request.header("Range", range);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void aSignedLinkServesTheFileAndItsRanges() throws Exception {
    String url = relay.urlFor(root.resolve("EDIT1234/source.mp4")).orElseThrow();

    HttpResponse<byte[]> whole = get(url, null);
    HttpResponse<byte[]> part = get(url, "bytes=100-199");
    HttpResponse<byte[]> tail = get(url, "bytes=-10");
    HttpResponse<byte[]> beyond = get(url, "bytes=20000-");
    HttpResponse<byte[]> absurd = get(url, "bytes=0-99999999999999999999");
    HttpResponse<byte[]> head =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());

    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(whole.body()).isEqualTo(content);
    assertThat(whole.headers().firstValue("Content-Type")).contains("video/mp4");
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.headers().firstValue("Content-Range")).contains("bytes 100-199/10000");
    assertThat(part.body()).hasSize(100).startsWith(content[100]);
    assertThat(tail.body()).hasSize(10);
    assertThat(beyond.statusCode()).isEqualTo(416);
    assertThat(absurd.statusCode()).isEqualTo(416);
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Content-Length")).contains("10000");
    assertThat(head.body()).isEmpty();
    assertThat(get(url, null).body()).isEqualTo(content);
  }

  @Test
  void forgedExpiredOrEscapingLinksAreRefused() throws Exception {
    String url = relay.urlFor(root.resolve("EDIT1234/source.mp4")).orElseThrow();
    String forged = url.replaceAll("sig=[^&]+", "sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    String otherFile = url.replace("source.mp4", "other.mp4");
    String escaping = url.replace("EDIT1234/source.mp4", "EDIT1234/../secret.txt");
    MediaRelay past =
        new MediaRelay(
            root,
            "http://127.0.0.1:" + server.port(),
            new UrlSigner("0123456789abcdef0123"),
            Duration.ofSeconds(1),
            Clock.fixed(Instant.now().minusSeconds(60), ZoneOffset.UTC));
    String expired = past.urlFor(root.resolve("EDIT1234/source.mp4")).orElseThrow();

    assertThat(get(forged, null).statusCode()).isEqualTo(403);
    assertThat(get(otherFile, null).statusCode()).isEqualTo(403);
    assertThat(get(escaping, null).statusCode()).isEqualTo(403);
    assertThat(get(expired, null).statusCode()).isEqualTo(403);
    assertThat(new String(get(forged, null).body())).contains("invalid or has expired");
  }
}
