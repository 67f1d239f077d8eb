package dev.klingbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.Platform;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.workflow.MediaSource;
import dev.klingbot.slack.fake.FakeSlack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Whole edits through the real bot: the real EditService and the Kling simulator over HTTP, Slack
 * replaced by {@link FakeSlack}. Everything a user would see is asserted on the Web API calls.
 */
class SlackEditFlowTest extends WorkflowBotTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String MENTION_TS = "1700000000.000100";

  @Override
  void beforeTheBot() {
    fixture.workflow().runner().follow(Platform.SLACK).start();
  }

  /** Alice mentions the bot with a video; answers the id of the edit from the plan's buttons. */
  private String startEdit() throws InterruptedException {
    MediaSource.File video = fixture.sampleFile(1280, 720, 30, 5);
    Map<String, Object> file = bot.slack.file("F_VIDEO", "clip.mp4", "video/mp4", video.path());
    SlackHttpResponse ack =
        bot.requests.event(
            SlackRequests.mention(
                "U_ALICE", MENTION_TS, null, "remove the orange ball", List.of(file)));
    assertThat(ack.status()).isEqualTo(200);

    FakeSlack.Call plan =
        bot.slack.await("chat.update", c -> c.shown().contains("Kling prompt"), WAIT);
    Matcher submit = Pattern.compile("submit:([A-Z0-9]+)").matcher(plan.blocks());
    assertThat(submit.find()).isTrue();
    return submit.group(1);
  }

  /** The edit once the bot has told the core its thread and plan message. */
  private Edit attached(String id) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      Edit edit = fixture.edits.find(id).orElseThrow();
      if (edit.planMessageId() != null) {
        return edit;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("edit " + id + " was never attached to its thread");
  }

  @Test
  void anEditGoesFromTheMentionToTheUploadedResult() throws Exception {
    String id = startEdit();

    // The placeholder went into the mention's thread and became the plan, with Block Kit buttons.
    FakeSlack.Call placeholder = bot.slack.calls("chat.postMessage").get(0);
    assertThat(placeholder.param("thread_ts")).isEqualTo(MENTION_TS);
    assertThat(placeholder.param("text")).contains("clip.mp4");
    FakeSlack.Call plan = bot.slack.calls("chat.update").get(0);
    assertThat(plan.param("ts")).isEqualTo(placeholder.answered("ts"));
    assertThat(plan.blocks())
        .contains("\"type\":\"section\"")
        .contains("*Kling prompt:*")
        .contains("&lt;&lt;&lt;video_1&gt;&gt;&gt;")
        .contains("\"type\":\"actions\"")
        .contains("select-area:" + id, "preview:" + id, "submit:" + id, "cancel:" + id)
        .contains("edit-prompt:" + id)
        .doesNotContain("**");
    // The plan names Slack's own controls: each button it says to press is on the message.
    Matcher pressed = Pattern.compile("press \\*([^*]+)\\*").matcher(plan.blocks());
    List<String> named = new java.util.ArrayList<>();
    while (pressed.find()) {
      named.add(pressed.group(1));
    }
    assertThat(named).contains("Select area", "Preview", "Submit");
    for (String label : named) {
      assertThat(plan.blocks()).contains("\"text\":\"" + label + "\"");
    }
    assertThat(plan.blocks()).doesNotContain("type `");
    // The bot fetched the private file with its token, and the core knows the thread.
    FakeSlack.Call download = bot.slack.calls("download").get(0);
    assertThat(download.headers().get("Authorization")).isEqualTo("Bearer " + FakeSlack.BOT_TOKEN);
    Edit edit = attached(id);
    assertThat(edit.origin().threadId()).isEqualTo(MENTION_TS);
    assertThat(edit.origin().userId()).isEqualTo("U_ALICE");
    assertThat(edit.planMessageId()).isEqualTo(plan.param("ts"));
    assertThat(edit.state()).isEqualTo(EditState.SELECTING);

    // A thread reply marks the element; the frame with the mask is uploaded to the thread.
    bot.requests.event(
        SlackRequests.threadMessage("U_ALICE", "1700000000.000200", MENTION_TS, "select C4"));
    FakeSlack.Call mask = bot.slack.awaitUpload("Marked C4", WAIT);
    assertThat(mask.param("thread_ts")).isEqualTo(MENTION_TS);
    assertThat(mask.param("channel_id")).isEqualTo(SlackRequests.CHANNEL);
    FakeSlack.Call png = bot.slack.calls("upload").get(0);
    assertThat(png.body()).startsWith(0x89, 'P', 'N', 'G');
    bot.slack.await("chat.postMessage", c -> c.blocks().contains("clear-selection:" + id), WAIT);

    // Submit is pressed on the plan message.
    bot.requests.press("U_ALICE", "submit:" + id, plan.param("ts"), MENTION_TS);
    bot.slack.await("chat.postMessage", c -> c.shown().contains("Submitted edit"), WAIT);

    // Progress is one message, edited in place, and the result is uploaded mentioning Alice.
    FakeSlack.Call result = bot.slack.awaitUpload("is ready", WAIT);
    assertThat(result.param("thread_ts")).isEqualTo(MENTION_TS);
    assertThat(result.param("initial_comment")).startsWith("<@U_ALICE>");
    FakeSlack.Call video =
        bot.slack.calls("upload").stream()
            .filter(c -> c.body().length > 1000 && c.body()[0] != (byte) 0x89)
            .findFirst()
            .orElseThrow();
    assertThat(video.body().length).isGreaterThan(1000);
    FakeSlack.Call done = bot.slack.await("chat.update", c -> c.shown().contains("Done"), WAIT);
    String progressTs = done.param("ts");
    assertThat(
            bot.slack.calls("chat.postMessage").stream()
                .filter(c -> c.shown().contains("Submitted*") || c.shown().contains("Processing"))
                .count())
        .isEqualTo(1);
    assertThat(
            bot.slack.calls("chat.update").stream().filter(c -> progressTs.equals(c.param("ts"))))
        .hasSizeGreaterThanOrEqualTo(1);
  }

  @Test
  void onlyTheOwnerOrAnAdminCanPressAnEditsButtons() throws Exception {
    String id = startEdit();
    String planTs = attached(id).planMessageId();

    bot.requests.press("U_BOB", "submit:" + id, planTs, MENTION_TS);
    FakeSlack.Call refusal =
        bot.slack.await("chat.postEphemeral", c -> c.shown().contains("belongs to"), WAIT);
    assertThat(refusal.param("user")).isEqualTo("U_BOB");
    assertThat(refusal.shown()).contains(id).contains("alice");
    assertThat(fixture.edits.find(id).orElseThrow().state()).isEqualTo(EditState.SELECTING);

    bot.requests.press("U_ADMIN", "cancel:" + id, planTs, MENTION_TS);
    FakeSlack.Call cancelled =
        bot.slack.await("chat.postMessage", c -> c.shown().contains("Cancelled edit"), WAIT);
    assertThat(cancelled.param("thread_ts")).isEqualTo(MENTION_TS);
    assertThat(fixture.edits.find(id).orElseThrow().state()).isEqualTo(EditState.CANCELLED);
  }
}
