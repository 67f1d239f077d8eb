package dev.klingbot.core.media;

import static dev.klingbot.core.media.MediaAssertions.assertMediaProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Links to the machine's own or private addresses are refused by default, after name resolution and
 * on every redirect; the setting and the simulator's exemption let them through. Only loopback
 * servers are ever contacted: other private addresses are checked without a connection.
 */
class PrivateAddressDownloadsTest {
  @RegisterExtension static final SharedHttpClient HTTP = new SharedHttpClient();
  private static final OkHttpClient CLIENT = HTTP.client;
  private static final long MB = 1 << 20;

  @StartStop final MockWebServer server = new MockWebServer();
  @StartStop final MockWebServer internal = new MockWebServer();

  @TempDir Path folder;

  private final Downloads strict =
      new Downloads(CLIENT, Duration.ofSeconds(10), AddressGuard.publicOnly());

  private static void assertRefused(Runnable download, String kind) {
    assertMediaProblem(download::run, MediaProblem.BAD_URL)
        .isEqualTo(
            "The link points to "
                + kind
                + ", which the bot does not download from; for development set"
                + " media.allow-private-urls: true"
                + " (KLINGBOT_MEDIA_ALLOW_PRIVATE_URLS=true).");
  }

  @Test
  void loopbackLinksInEverySpellingAreRefusedWithoutARequest() {
    int port = server.getPort();
    List<String> links =
        List.of(
            "http://127.0.0.1:" + port + "/v.mp4",
            "http://localhost:" + port + "/v.mp4",
            "http://LOCALHOST:" + port + "/v.mp4",
            "http://2130706433:" + port + "/v.mp4",
            "http://127.1:" + port + "/v.mp4",
            "http://[::ffff:127.0.0.1]:" + port + "/v.mp4",
            "http://[::1]:" + port + "/v.mp4",
            "https://127.0.0.1:" + port + "/v.mp4",
            "http://127.0.0.1:8080/media/x",
            "http://127.0.0.1:5432/");

    for (String link : links) {
      assertRefused(() -> strict.download(link, folder.resolve("v.mp4"), MB), "a loopback address");
    }
    assertThat(server.getRequestCount()).isZero();
    assertThat(folder.toFile().list()).isEmpty();
  }

  @Test
  void aRedirectToAPrivateAddressIsRefused() {
    // the first hop is exempt, as the simulator is under --simulate; its redirect is not
    Downloads exemptFirstHop =
        new Downloads(
            CLIENT,
            Duration.ofSeconds(10),
            AddressGuard.publicOnly().allowing("127.0.0.1", server.getPort()));
    server.enqueue(
        new MockResponse.Builder()
            .code(302)
            .addHeader("Location", "http://localhost:" + internal.getPort() + "/secret")
            .build());

    assertRefused(
        () ->
            exemptFirstHop.download(
                "http://127.0.0.1:" + server.getPort() + "/v.mp4", folder.resolve("v.mp4"), MB),
        "a loopback address");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(internal.getRequestCount()).isZero();
  }

  @Test
  void theSettingAllowsPrivateAddressesAndRedirectsAreStillFollowed() throws Exception {
    Downloads allowing = new Downloads(CLIENT, Duration.ofSeconds(10), AddressGuard.of(true));
    server.enqueue(
        new MockResponse.Builder()
            .code(301)
            .addHeader("Location", "http://localhost:" + internal.getPort() + "/clip.mp4")
            .build());
    internal.enqueue(new MockResponse.Builder().body("video bytes").build());
    Path target = folder.resolve("v.mp4");

    long written = allowing.download("http://127.0.0.1:" + server.getPort() + "/v.mp4", target, MB);

    assertThat(written).isEqualTo(11);
    assertThat(Files.readString(target)).isEqualTo("video bytes");
  }

  @Test
  void redirectsToOtherSchemesOrInCirclesAreRefused() {
    Downloads allowing = new Downloads(CLIENT, Duration.ofSeconds(10), AddressGuard.of(true));
    server.enqueue(
        new MockResponse.Builder().code(302).addHeader("Location", "file:///etc/passwd").build());
    for (int i = 0; i < 10; i++) {
      server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/again").build());
    }
    String link = "http://127.0.0.1:" + server.getPort() + "/v.mp4";

    assertThatThrownBy(() -> allowing.download(link, folder.resolve("a"), MB))
        .hasMessageContaining("not a web link");
    assertThatThrownBy(() -> allowing.download(link, folder.resolve("b"), MB))
        .hasMessageContaining("redirects more than 5 times");
  }

  @Test
  void privateLinkLocalAndOtherInternalAddressesAreRecognised() throws Exception {
    String[][] cases = {
      {"10.1.2.3", "a private-network address"},
      {"172.16.0.1", "a private-network address"},
      {"172.31.255.255", "a private-network address"},
      {"192.168.1.1", "a private-network address"},
      {"169.254.169.254", "a link-local address"},
      {"100.64.0.1", "a carrier-grade NAT address"},
      {"0.0.0.0", "an unspecified address"},
      {"::", "an unspecified address"},
      {"::1", "a loopback address"},
      {"fe80::1", "a link-local address"},
      {"fd00::1", "a private-network address"},
      {"::ffff:10.0.0.1", "a private-network address"},
      {"64:ff9b::a9fe:a9fe", "a link-local address"},
      {"2002:7f00:1::", "a loopback address"},
      {"224.0.0.1", "a multicast address"},
      {"255.255.255.255", "a reserved address"},
    };
    for (String[] c : cases) {
      assertThat(AddressGuard.kindOf(InetAddress.getByName(c[0]))).as(c[0]).contains(c[1]);
    }
    for (String open : List.of("8.8.8.8", "172.32.0.1", "1.1.1.1", "2606:4700::1111")) {
      assertThat(AddressGuard.kindOf(InetAddress.getByName(open))).as(open).isEmpty();
    }
  }

  @Test
  void privateAddressesWrittenAsLiteralsAreRefusedFromTheUrlAlone() {
    // checked on the URL alone, so no packet is ever sent to these addresses
    AddressGuard guard = AddressGuard.publicOnly();
    for (String link :
        List.of(
            "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.1/v.mp4",
            "http://[fd00::1]/v.mp4",
            "http://[::ffff:192.168.0.1]/v.mp4")) {
      assertMediaProblem(() -> guard.checkUrl(HttpUrl.get(link)), MediaProblem.BAD_URL)
          .contains("media.allow-private-urls");
    }
  }
}
