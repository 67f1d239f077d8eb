package dev.klingbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.Slack;
import com.slack.api.model.File;
import dev.klingbot.config.SlackConfig;
import dev.klingbot.core.chat.SharedFiles;
import dev.klingbot.core.workflow.EditException;
import dev.klingbot.slack.fake.FakeSlack;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** File links in Slack events are opened only when they are Slack download addresses. */
class SlackFileLinksTest {
  private final FakeSlack fake = new FakeSlack();
  private final Slack slack = Slack.getInstance(fake.apiConfig());
  private final SharedFiles shared =
      SharedFiles.forPlatform(SlackConfig.SLACK_API_URL, Duration.ofSeconds(10));
  private final SlackFiles files = files(shared);

  private SlackFiles files(SharedFiles downloader) {
    return new SlackFiles(
        new SlackApi(
            slack.methods(FakeSlack.BOT_TOKEN),
            new SlackApi.Retry(1, Duration.ZERO, Duration.ZERO, d -> {})),
        FakeSlack.BOT_TOKEN,
        downloader);
  }

  @AfterEach
  void close() throws Exception {
    shared.close();
    slack.close();
    fake.close();
  }

  private static File video(String name, String url) {
    File file = new File();
    file.setId("F_LINK");
    file.setName(name);
    file.setMimetype("video/mp4");
    file.setSize(1000);
    file.setUrlPrivate(url);
    return file;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "file:///etc/passwd",
        "ftp://files.slack.com/clip.mp4",
        "http://files.slack.com/clip.mp4",
        "jar:file:/tmp/x.jar!/clip.mp4",
        "not a link at all"
      })
  void aLinkThatIsNoSlackDownloadAddressIsRefusedInASentence(String url) {
    assertThatThrownBy(() -> files.download(video("clip.mp4", url), 10_000_000, "video"))
        .isInstanceOf(EditException.class)
        .hasMessageContaining("is not a Slack download address")
        .hasMessageContaining("Upload the file to Slack again");
  }

  @Test
  void aRedirectToAFileLinkIsRefusedToo() throws Exception {
    try (mockwebserver3.MockWebServer server = new mockwebserver3.MockWebServer()) {
      downloading(
              server,
              new mockwebserver3.MockResponse.Builder()
                  .code(302)
                  .addHeader("Location", "file:///etc/passwd")
                  .build())
          .hasMessageContaining("is not a Slack download address");
      assertThat(server.getRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void aSignInPageInPlaceOfTheFileSaysWhichPermissionIsMissing() throws Exception {
    try (mockwebserver3.MockWebServer server = new mockwebserver3.MockWebServer()) {
      downloading(
              server,
              new mockwebserver3.MockResponse.Builder()
                  .addHeader("Content-Type", "text/html")
                  .body("<html>Sign in to Slack</html>")
                  .build())
          .hasMessageContaining("Slack answered with a sign-in page")
          .hasMessageContaining("files:read")
          .message()
          .doesNotContain(FakeSlack.BOT_TOKEN);
      assertThat(server.takeRequest().getHeaders().get("Authorization"))
          .isEqualTo("Bearer " + FakeSlack.BOT_TOKEN);
    }
  }

  /** The refusal of a file whose link {@code server} answers with {@code answer}. */
  private org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> downloading(
      mockwebserver3.MockWebServer server, mockwebserver3.MockResponse answer) throws Exception {
    server.enqueue(answer);
    server.start();
    String url = server.url("/files-pri/T1-F_LINK/clip.mp4").toString();
    // the test's server is on the loopback interface, where a fake Slack is let through
    try (SharedFiles local =
        SharedFiles.forPlatform(server.url("/api/").toString(), Duration.ofSeconds(10))) {
      SlackFiles files = files(local);
      return assertThatThrownBy(() -> files.download(video("clip.mp4", url), 10_000_000, "video"))
          .isInstanceOf(EditException.class);
    }
  }

  @Test
  void controlCharactersInAFileNameAreRemovedBeforeTheNameIsUsed() {
    assertThatThrownBy(
            () -> files.download(video("cl\u0000ip\u001b[31m.mp4", "file:///x"), 10, "video"))
        .isInstanceOf(EditException.class)
        .satisfies(
            e -> assertThat(e.getMessage()).contains("“clip[31m.mp4”").doesNotContain("\u0000"));
  }
}
