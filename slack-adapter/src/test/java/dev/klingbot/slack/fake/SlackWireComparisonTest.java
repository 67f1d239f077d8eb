package dev.klingbot.slack.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.Platform;
import dev.klingbot.core.chat.ChatPort;
import dev.klingbot.core.testing.CrashesAfterPosting;
import dev.klingbot.core.workflow.MediaSource;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The before-and-after comparison through real Bolt against the fake Slack: after the result, one
 * upload into the edit's thread shares the still and the side-by-side video, titled so that people
 * (and a restarted bot) know them.
 */
class SlackWireComparisonTest extends BothModesTest {

  @Test
  void theResultIsFollowedByTheBeforeAndAfterStillAndVideoInTheThread() throws Exception {
    open(WireBot.Mode.HTTP);
    String id = startAndSubmit();

    FakeSlack.Call comparison = slack.awaitUpload("Before and after `" + id + "`", WAIT);
    assertThat(comparison.param("thread_ts")).isEqualTo(MENTION_TS);
    assertThat(comparison.param("initial_comment"))
        .startsWith("🔍 Before and after `" + id + "`: the source (left) and the result")
        .doesNotContain("<@U_ALICE>");
    assertThat(comparison.param("files"))
        .contains("Before and after at ")
        .contains("Before and after side by side, the whole clip");
    List<FakeSlack.Call> completed = slack.calls("files.completeUploadExternal");
    assertThat(completed.indexOf(comparison))
        .isGreaterThan(
            completed.indexOf(
                completed.stream()
                    .filter(c -> String.valueOf(c.param("initial_comment")).contains("is ready"))
                    .findFirst()
                    .orElseThrow()));
    assertThat(completed)
        .filteredOn(c -> String.valueOf(c.param("initial_comment")).contains("Before and after"))
        .hasSize(1);

    List<FakeSlack.Call> asked = slack.calls("files.getUploadURLExternal");
    String stillId = fileIdFor(asked, "compare-" + id + ".png");
    String videoId = fileIdFor(asked, "compare-" + id + ".mp4");
    byte[] png = uploaded(stillId);
    BufferedImage picture = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(picture.getWidth()).isGreaterThan(2 * picture.getHeight());
    assertThat(picture.getHeight()).isGreaterThan(720);
    byte[] mp4 = uploaded(videoId);
    assertThat(new String(Arrays.copyOfRange(mp4, 4, 8), StandardCharsets.US_ASCII))
        .isEqualTo("ftyp");
    slack.await("chat.update", c -> c.shown().contains("Done"), WAIT);
  }

  @Test
  void aComparisonSharedJustBeforeACrashIsFoundInTheThreadAndNotSharedAgain() throws Exception {
    open(WireBot.Mode.HTTP);
    ChatPort real = fixture.chats.find(Platform.SLACK).orElseThrow();
    fixture.chats.register(new CrashesAfterPosting(real, "Before and after"));
    String id = startAndSubmit();

    // the process dies right after the share; the job runner takes the edit up again, as after a
    // restart, and finds the result and the comparison in the thread
    Instant deadline = Instant.now().plus(WAIT);
    while (fixture.edits.find(id).orElseThrow().outcome().deliveredAt() == null
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
    }
    assertThat(fixture.edits.find(id).orElseThrow().outcome().deliveredAt()).isNotNull();
    List<FakeSlack.Call> shares = slack.calls("files.completeUploadExternal");
    assertThat(shares)
        .filteredOn(c -> String.valueOf(c.param("initial_comment")).contains("Before and after"))
        .hasSize(1);
    assertThat(shares)
        .filteredOn(c -> String.valueOf(c.param("initial_comment")).contains("is ready"))
        .hasSize(1);
    assertThat(slack.calls("conversations.replies")).isNotEmpty();
    assertThat(fixture.edits.events(id))
        .anySatisfy(line -> assertThat(line).startsWith("compared: found the earlier post"));
  }

  /** Alice mentions the bot with a clip and presses Submit on the plan; returns the edit's id. */
  private String startAndSubmit() throws Exception {
    MediaSource.File clip = fixture.sampleFile(1280, 720, 30, 5);
    Map<String, Object> file = slack.file("F_VIDEO", "clip.mp4", "video/mp4", clip.path());
    bot.event(
        SlackPayloads.mention(
            "U_ALICE", MENTION_TS, null, "remove the orange ball", List.of(file)));
    FakeSlack.Call plan = slack.await("chat.update", c -> c.shown().contains("Kling prompt"), WAIT);
    Matcher submit = Pattern.compile("submit:([A-Z0-9]+)").matcher(plan.blocks());
    assertThat(submit.find()).isTrue();
    String id = submit.group(1);
    bot.press("U_ALICE", "submit:" + id, plan.param("ts"), MENTION_TS);
    return id;
  }

  private static String fileIdFor(List<FakeSlack.Call> asked, String name) {
    return asked.stream()
        .filter(c -> name.equals(c.param("filename")))
        .map(c -> c.answered("file_id"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no upload of " + name + " in " + asked));
  }

  private byte[] uploaded(String fileId) {
    return slack.calls("upload").stream()
        .filter(c -> fileId.equals(c.param("file_id")))
        .findFirst()
        .orElseThrow()
        .body();
  }
}
