package dev.klingbot.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.klingbot.config.Secret;
import dev.klingbot.core.media.AddressGuard;
import dev.klingbot.core.media.Downloads;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Files people shared are fetched with the platform's credential for the link's own origin only,
 * over https (plain http only on the loopback interface), and a sign-in page is refused.
 */
class SharedFilesTest {
  // a made-up credential: the test only follows where it is sent and that no message shows it
  private static final String TOKEN = "test-credential-41f7";
  private static final Secret BEARER = Secret.of("Bearer " + TOKEN);
  private static final long MB = 1 << 20;

  private final MockWebServer slack = new MockWebServer();
  private final MockWebServer other = new MockWebServer();
  private final OkHttpClient client = new OkHttpClient();
  private final SharedFiles files =
      new SharedFiles(
          new Downloads(client, Duration.ofSeconds(10), AddressGuard.allowingPrivate()));

  @BeforeEach
  void start() throws IOException {
    slack.start(InetAddress.getByName("127.0.0.1"), 0);
    other.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() throws IOException {
    files.close();
    slack.close();
    other.close();
    client.connectionPool().evictAll();
  }

  private String slackLink(String path) {
    return "http://127.0.0.1:" + slack.getPort() + path;
  }

  @Test
  void theCredentialGoesToTheFirstOriginAndBackToItButNotAfterARedirectToAnotherHost()
      throws Exception {
    slack.enqueue(redirect(slackLink("/files-pri/again/clip.mp4")));
    slack.enqueue(redirect("http://localhost:" + other.getPort() + "/cdn/clip.mp4"));
    other.enqueue(new MockResponse.Builder().body("video bytes").build());

    Path file = files.fetch(slackLink("/files-pri/T1-F1/clip.mp4"), "clip.mp4", BEARER, MB);

    assertThat(Files.readString(file)).isEqualTo("video bytes");
    assertThat(file.getFileName().toString()).endsWith(".mp4");
    assertThat(slack.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(slack.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    RecordedRequest elsewhere = other.takeRequest();
    assertThat(elsewhere.getUrl().host()).isEqualTo("localhost");
    assertThat(elsewhere.getHeaders().get("Authorization")).isNull();
  }

  @Test
  void anotherPortOfTheSameHostIsAnotherOriginAndGetsNoCredential() throws Exception {
    slack.enqueue(redirect("http://127.0.0.1:" + other.getPort() + "/clip.mp4"));
    other.enqueue(new MockResponse.Builder().body("video bytes").build());

    files.fetch(slackLink("/files-pri/T1-F1/clip.mp4"), "clip.mp4", BEARER, MB);

    assertThat(slack.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(other.takeRequest().getHeaders().get("Authorization")).isNull();
  }

  @Test
  void aSignInPageInPlaceOfTheFileIsRefusedInASentence() {
    slack.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "text/html; charset=utf-8")
            .body("<html>Sign in to Slack</html>")
            .build());

    assertThatThrownBy(() -> files.fetch(slackLink("/files-pri/x/clip.mp4"), "clip.mp4", null, MB))
        .isInstanceOfSatisfying(
            SharedFileException.class,
            e -> assertThat(e.problem()).isEqualTo(SharedFileException.Problem.WEB_PAGE))
        .hasMessageContaining("leads to a web page");
  }

  @Test
  void refusalsNameTheStatusOrSizeAndNeverTheCredential() {
    slack.enqueue(new MockResponse.Builder().code(403).build());
    slack.enqueue(
        new MockResponse.Builder().body(new Buffer().write(new byte[(int) (2 * MB)])).build());

    assertThatThrownBy(() -> files.fetch(slackLink("/a.mp4"), "a.mp4", BEARER, MB))
        .isInstanceOfSatisfying(
            SharedFileException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(SharedFileException.Problem.HTTP_STATUS);
              assertThat(e.status()).hasValue(403);
            })
        .hasMessageContaining("403")
        .message()
        .doesNotContain(TOKEN);
    assertThatThrownBy(() -> files.fetch(slackLink("/b.mp4"), "b.mp4", BEARER, MB))
        .isInstanceOfSatisfying(
            SharedFileException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(SharedFileException.Problem.TOO_LARGE);
              assertThat(e.size()).hasValue(2 * MB);
            })
        .message()
        .doesNotContain(TOKEN);
  }

  @Test
  void plainHttpIsRefusedBeforeAnythingIsSentExceptOnTheLoopbackInterface() {
    for (String link :
        new String[] {"http://files.slack.com/clip.mp4", "file:///etc/passwd", "not a link"}) {
      assertThatThrownBy(() -> files.fetch(link, "clip.mp4", BEARER, MB))
          .isInstanceOfSatisfying(
              SharedFileException.class,
              e -> assertThat(e.problem()).isEqualTo(SharedFileException.Problem.NOT_A_LINK))
          .message()
          .doesNotContain(TOKEN);
    }
    slack.enqueue(redirect("http://files.slack.com/clip.mp4"));

    assertThatThrownBy(() -> files.fetch(slackLink("/clip.mp4"), "clip.mp4", BEARER, MB))
        .isInstanceOfSatisfying(
            SharedFileException.class,
            e -> assertThat(e.problem()).isEqualTo(SharedFileException.Problem.NOT_A_LINK))
        .hasMessageContaining("https://");
    assertThat(slack.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aPlatformOnThisMachineIsAllowedOnlyWhenItIsTheOneTheBotTalksTo() {
    SharedFiles strict = SharedFiles.forPlatform("https://slack.com/api", Duration.ofSeconds(10));
    try {
      assertThatThrownBy(() -> strict.fetch(slackLink("/clip.mp4"), "clip.mp4", BEARER, MB))
          .isInstanceOfSatisfying(
              SharedFileException.class,
              e -> assertThat(e.problem()).isEqualTo(SharedFileException.Problem.NOT_A_LINK))
          .hasMessageContaining("loopback");
      assertThat(slack.getRequestCount()).isZero();
    } finally {
      strict.close();
    }
  }

  @Test
  void aDiscardedFileIsGoneAndClosingRemovesTheRest() throws Exception {
    slack.enqueue(new MockResponse.Builder().body("one").build());
    slack.enqueue(new MockResponse.Builder().body("two").build());
    Path first = files.fetch(slackLink("/1.png"), "1.png", null, MB);
    Path second = files.fetch(slackLink("/2.png"), "2.png", null, MB);

    files.discard(first);
    assertThat(first).doesNotExist();
    assertThat(second).exists();
    files.close();
    assertThat(second).doesNotExist();
    assertThat(second.getParent()).doesNotExist();
  }

  private static MockResponse redirect(String location) {
    return new MockResponse.Builder().code(302).addHeader("Location", location).build();
  }
}
