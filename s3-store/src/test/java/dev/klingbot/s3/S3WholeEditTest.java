package dev.klingbot.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.klingbot.config.S3Config;
import dev.klingbot.config.Secret;
import dev.klingbot.core.Platform;
import dev.klingbot.core.Requester;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.testing.RecordingChat;
import dev.klingbot.core.testing.WorkflowFixture;
import dev.klingbot.core.workflow.EditException;
import dev.klingbot.core.workflow.EditService;
import dev.klingbot.core.workflow.StartEdit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A whole edit from a local file (as in the console) with the bucket as the only media store and no
 * public base URL: Kling (the simulator) fetches the source from a presigned URL, and status links
 * the result with a presigned URL that answers.
 */
class S3WholeEditTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  private TestBucket bucket;
  private WorkflowFixture fixture;
  private S3MediaStore store;
  private final Requester me = WorkflowFixture.requester(Platform.CONSOLE, "me");

  @BeforeEach
  void open() throws Exception {
    bucket = new TestBucket();
    fixture = WorkflowFixture.withoutPublicAddress();
    store = S3MediaStore.open(fixture.settings().workDir(), bucket.config(Duration.ofHours(1)));
    fixture.useMediaStore(store);
    fixture.chats.register(new RecordingChat(Platform.CONSOLE));
    fixture.workflow().runner().follow(Platform.CONSOLE).start();
  }

  @AfterEach
  void close() throws Exception {
    fixture.close();
    store.close();
    bucket.close();
  }

  private EditService service() {
    return fixture.workflow().service();
  }

  @Test
  void aLocalFileIsEditedWithTheBucketAsTheOnlyMediaStore() throws Exception {
    Edit started =
        service()
            .start(me, StartEdit.of(fixture.sampleFile(1280, 720, 30, 5), "remove the orange ball"))
            .edit();

    assertThat(started.state()).isEqualTo(EditState.SELECTING);
    assertThat(started.video().url())
        .startsWith(
            bucket.endpoint()
                + "/"
                + TestBucket.BUCKET
                + "/bot/"
                + started.id()
                + "/source.mp4?X-Amz-");
    assertThat(fixture.simulator.sessions()).hasSize(1);

    service().select(me, started.id(), "C4 frame:0");
    service().preview(me, started.id());
    service().submit(me, started.id());
    Edit done = awaitDelivered(started.id());
    assertThat(done.state()).isEqualTo(EditState.SUCCEEDED);

    String status = service().status(me, started.id()).message().text();
    Matcher link =
        Pattern.compile(
                Pattern.quote(bucket.endpoint() + "/" + TestBucket.BUCKET + "/bot/" + done.id())
                    + "/result-"
                    + done.id()
                    + "\\.mp4\\?[^\\s)>]+")
            .matcher(status);
    assertThat(link.find()).as("a presigned result link in: %s", status).isTrue();
    Path kept = Path.of(done.outcome().resultFile());
    try (Response response =
        new OkHttpClient().newCall(new Request.Builder().url(link.group()).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.header("Content-Type")).isEqualTo("video/mp4");
      assertThat(response.body().bytes()).isEqualTo(Files.readAllBytes(kept));
    }
  }

  @Test
  void aBucketThatRefusesTheVideoGivesASentenceAndLeavesNoEditBehind() throws Exception {
    S3Config wrongKey = bucket.config(Secret.of("a-wrong-secret"), Duration.ofHours(1));
    try (S3MediaStore refusing = S3MediaStore.open(fixture.settings().workDir(), wrongKey)) {
      fixture.useMediaStore(refusing);

      assertThatThrownBy(
              () ->
                  service()
                      .start(
                          me,
                          StartEdit.of(
                              fixture.sampleFile(1280, 720, 30, 5), "remove the orange ball")))
          .isInstanceOf(EditException.class)
          .hasMessage(
              "I could not put the video where Kling can fetch it: the bot's media storage did"
                  + " not accept it. Try again in a minute; if it keeps failing, ask an admin to"
                  + " check the media.s3 settings (the bot's log says what went wrong).");
      assertThat(fixture.edits.recentByUser(Platform.CONSOLE, "guild-1", "me", 5)).isEmpty();
      assertThat(fixture.simulator.sessions()).isEmpty();
    }
  }

  private Edit awaitDelivered(String id) throws InterruptedException {
    return fixture.awaitDelivered(id, WAIT);
  }
}
