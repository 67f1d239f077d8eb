package dev.klingbot.slack.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.Platform;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.workflow.MediaSource;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A whole edit through real Bolt, in Socket Mode and in HTTP mode: Slack (the fake) sends the
 * mention, the thread reply and the button press the way Slack does; the real core and the Kling
 * simulator do the work; what the user sees is asserted on the Web API calls.
 */
class SlackWireEditTest extends BothModesTest {

  @ParameterizedTest
  @EnumSource(WireBot.Mode.class)
  void anEditGoesFromTheMentionToTheUploadedResult(WireBot.Mode mode) throws Exception {
    open(mode);
    MediaSource.File clip = fixture.sampleFile(1280, 720, 30, 5);
    Map<String, Object> file = slack.file("F_VIDEO", "clip.mp4", "video/mp4", clip.path());

    WireBot.Ack ack =
        bot.event(
            SlackPayloads.mention(
                "U_ALICE", MENTION_TS, null, "remove the orange ball", List.of(file)));
    assertThat(ack.status()).isEqualTo(200);
    // The plan replaces the placeholder in the mention's thread, with Block Kit buttons.
    FakeSlack.Call plan = slack.await("chat.update", c -> c.shown().contains("Kling prompt"), WAIT);
    FakeSlack.Call placeholder = slack.calls("chat.postMessage").get(0);
    assertThat(placeholder.param("thread_ts")).isEqualTo(MENTION_TS);
    assertThat(placeholder.param("text")).contains("clip.mp4");
    assertThat(plan.param("ts")).isEqualTo(placeholder.answered("ts"));
    Matcher submit = Pattern.compile("submit:([A-Z0-9]+)").matcher(plan.blocks());
    assertThat(submit.find()).isTrue();
    String id = submit.group(1);
    assertThat(plan.blocks()).contains("select-area:" + id, "preview:" + id, "cancel:" + id);
    assertThat(slack.calls("download").get(0).headers().get("Authorization"))
        .isEqualTo("Bearer " + FakeSlack.BOT_TOKEN);

    // A thread reply marks the element; the frame with the mask is uploaded to the thread.
    bot.event(SlackPayloads.threadMessage("U_ALICE", "1700000000.000200", MENTION_TS, "select C4"));
    FakeSlack.Call mask = slack.awaitUpload("Marked C4", WAIT);
    assertThat(mask.param("thread_ts")).isEqualTo(MENTION_TS);

    // Submit is pressed on the plan message, once the core knows it.
    awaitState(id, EditState.SELECTING);
    WireBot.Ack pressed = bot.press("U_ALICE", "submit:" + id, plan.param("ts"), MENTION_TS);
    assertThat(pressed.status()).isEqualTo(200);
    slack.await("chat.postMessage", c -> c.shown().contains("Submitted edit"), WAIT);

    // The result is uploaded to the thread, mentioning Alice, and progress ends in "Done".
    FakeSlack.Call result = slack.awaitUpload("is ready", WAIT);
    assertThat(result.param("thread_ts")).isEqualTo(MENTION_TS);
    assertThat(result.param("initial_comment")).startsWith("<@U_ALICE>");
    assertThat(slack.calls("upload"))
        .anySatisfy(upload -> assertThat(upload.body().length).isGreaterThan(1000));
    slack.await("chat.update", c -> c.shown().contains("Done"), WAIT);
    assertThat(fixture.edits.find(id).orElseThrow().state()).isEqualTo(EditState.SUCCEEDED);
  }

  @ParameterizedTest
  @EnumSource(WireBot.Mode.class)
  void onlyAdminsCanChangeTheQuota(WireBot.Mode mode) throws Exception {
    open(mode);

    assertThat(bot.command("U_BOB", "admin quota set daily 5", slack.responseUrl("bob")).status())
        .isEqualTo(200);
    slack.await("respond", c -> c.shown().contains("Only workspace admins"), WAIT);
    assertThat(fixture.quota.policy(Platform.SLACK, FakeSlack.TEAM).dailyUnits()).isNotEqualTo(5);

    // A workspace admin (users.info says so), then a member listed in SLACK_ADMIN_USER_IDS.
    bot.command("U_ADMIN", "admin quota set daily 5", slack.responseUrl("ada"));
    FakeSlack.Call done = slack.await("respond", c -> c.shown().contains("is now 5"), WAIT);
    assertThat(done.param("response_type")).isEqualTo("ephemeral");
    assertThat(fixture.quota.policy(Platform.SLACK, FakeSlack.TEAM).dailyUnits()).isEqualTo(5);
    bot.command("U_LISTED", "admin quota set daily 6", slack.responseUrl("lisa"));
    slack.await("respond", c -> c.shown().contains("is now 6"), WAIT);
    assertThat(fixture.quota.policy(Platform.SLACK, FakeSlack.TEAM).dailyUnits()).isEqualTo(6);
    assertThat(slack.calls("respond"))
        .filteredOn(c -> c.shown().contains("Only workspace admins"))
        .hasSize(1);
  }

  private void awaitState(String id, EditState state) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      var edit = fixture.edits.find(id).orElseThrow();
      if (edit.state() == state && edit.planMessageId() != null) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("edit " + id + " never reached " + state);
  }
}
