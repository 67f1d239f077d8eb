package dev.klingbot.slack.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.Platform;
import dev.klingbot.core.workflow.MediaSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Events API cases Slack really sends besides the plain mention and reply, in Socket Mode and
 * HTTP mode, through real Bolt and the real core: edited mentions, replies with a subtype, Slack
 * Connect file placeholders, a mention that only comes as a file share, and retries after a
 * restart. "Did not happen" is proven by a later message in the same thread being answered: the bot
 * works on one thread's messages in order.
 */
class SlackWireEventsTest extends BothModesTest {
  private static final String INSTRUCTION = "remove the orange ball";

  @TempDir Path temp;

  private Map<String, Object> video(String id) {
    MediaSource.File clip = fixture.sampleFile(1280, 720, 30, 5);
    return slack.file(id, "clip.mp4", "video/mp4", clip.path());
  }

  /** Waits for the plan of a started edit; answers the edit's id. */
  private String awaitPlan() throws InterruptedException {
    FakeSlack.Call plan = slack.await("chat.update", c -> c.shown().contains("Kling prompt"), WAIT);
    Matcher submit = Pattern.compile("submit:([A-Z0-9]+)").matcher(plan.blocks());
    assertThat(submit.find()).isTrue();
    awaitAttached(submit.group(1));
    return submit.group(1);
  }

  private void awaitAttached(String id) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (fixture.edits.find(id).orElseThrow().planMessageId() == null) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("edit " + id + " was never attached to its thread");
      }
      Thread.sleep(20);
    }
  }

  /**
   * Asks for the status in the edit's thread and waits for the private answer: the thread is
   * drained.
   */
  private void drainThread(String id, String ts) throws InterruptedException {
    bot.event(SlackPayloads.threadMessage("U_ALICE", ts, MENTION_TS, "status"));
    slack.await(
        "chat.postEphemeral",
        c -> c.shown().contains(id) && !c.shown().contains("Downloading"),
        WAIT);
  }

  /** Alice mentions the bot with a video; waits for the plan. */
  private void mentionWithAVideo() throws InterruptedException {
    bot.event(
        SlackPayloads.mention("U_ALICE", MENTION_TS, null, INSTRUCTION, List.of(video("F_V"))));
    awaitPlan();
  }

  private void assertMaskOfC4PostedInTheThread() throws InterruptedException {
    FakeSlack.Call mask = slack.awaitUpload("Marked C4", WAIT);
    assertThat(mask.param("thread_ts")).isEqualTo(MENTION_TS);
  }

  private long editsStarted() {
    return slack.calls("chat.postMessage").stream()
        .filter(c -> String.valueOf(c.param("text")).contains("Downloading"))
        .count();
  }

  @ParameterizedTest
  @EnumSource(WireBot.Mode.class)
  void editingTheMentionDoesNotStartASecondEdit(WireBot.Mode mode) throws Exception {
    open(mode);
    Map<String, Object> file = video("F_VIDEO");
    bot.event(SlackPayloads.mention("U_ALICE", MENTION_TS, null, INSTRUCTION, List.of(file)));
    String id = awaitPlan();

    // Slack sends app_mention again, with a new event id and `edited`.
    WireBot.Ack ack =
        bot.event(
            SlackPayloads.editedMention(
                "U_ALICE", MENTION_TS, null, "remove the blue ball", List.of(file)));

    assertThat(ack.status()).isEqualTo(200);
    FakeSlack.Call hint =
        slack.await(
            "chat.postEphemeral", c -> c.shown().contains("editing it changes nothing"), WAIT);
    assertThat(hint.param("user")).isEqualTo("U_ALICE");
    assertThat(hint.param("thread_ts")).isEqualTo(MENTION_TS);
    assertThat(hint.shown()).contains("`prompt &lt;new instruction&gt;`");
    drainThread(id, "1700000000.000900");
    assertThat(editsStarted()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(WireBot.Mode.class)
  void aFilePathTypedInAThreadOrAfterSlashKlingIsNeverReadFromTheBotsDisk(WireBot.Mode mode)
      throws Exception {
    open(mode);
    mentionWithAVideo();
    MediaSource.File onServer = fixture.sampleFile(1280, 720, 30, 5);
    int before = fixture.edits.recentByUser(Platform.SLACK, FakeSlack.TEAM, "U_ALICE", 25).size();

    bot.event(
        SlackPayloads.threadMessage(
            "U_ALICE", "1700000000.000300", MENTION_TS, "edit " + onServer.path() + " remove it"));
    slack.await("chat.postEphemeral", c -> c.shown().contains("Attach the video"), WAIT);
    bot.command("U_ALICE", "edit " + onServer.path() + " remove it", slack.responseUrl("alice"));
    slack.await("respond", c -> c.shown().contains("Attach the video"), WAIT);

    assertThat(fixture.edits.recentByUser(Platform.SLACK, FakeSlack.TEAM, "U_ALICE", 25))
        .hasSize(before);
  }

  @ParameterizedTest
  @EnumSource(WireBot.Mode.class)
  void aReplyAlsoSentToTheChannelRunsTheCommand(WireBot.Mode mode) throws Exception {
    open(mode);
    mentionWithAVideo();

    bot.event(
        SlackPayloads.threadBroadcast("U_ALICE", "1700000000.000200", MENTION_TS, "select C4"));

    assertMaskOfC4PostedInTheThread();
  }

  @ParameterizedTest
  @EnumSource(WireBot.Mode.class)
  void aReplyWithAFileAttachedRunsTheCommand(WireBot.Mode mode) throws Exception {
    open(mode);
    mentionWithAVideo();
    Path picture = Files.write(temp.resolve("where.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});

    bot.event(
        SlackPayloads.fileShare(
            "U_ALICE",
            "1700000000.000200",
            MENTION_TS,
            "select C4",
            List.of(slack.file("F_PNG", "where.png", "image/png", picture))));

    assertMaskOfC4PostedInTheThread();
  }

  @ParameterizedTest
  @EnumSource(WireBot.Mode.class)
  void aSlackConnectVideoIsLookedUpBeforeItIsJudged(WireBot.Mode mode) throws Exception {
    open(mode);
    MediaSource.File clip = fixture.sampleFile(1280, 720, 30, 5);
    Map<String, Object> placeholder =
        slack.connectFile("F_SHARED", "shared.mp4", "video/mp4", clip.path());
    assertThat(placeholder).doesNotContainKeys("mimetype", "url_private", "name");

    bot.event(
        SlackPayloads.mention("U_ALICE", MENTION_TS, null, INSTRUCTION, List.of(placeholder)));

    awaitPlan();
    assertThat(slack.calls("files.info")).extracting(c -> c.param("file")).contains("F_SHARED");
    assertThat(slack.calls("chat.postMessage"))
        .noneSatisfy(c -> assertThat(c.shown()).contains("upload it"));
  }

  @ParameterizedTest
  @EnumSource(WireBot.Mode.class)
  void aSlackConnectFileTheBotMayNotSeeIsExplained(WireBot.Mode mode) throws Exception {
    open(mode);

    bot.event(
        SlackPayloads.mention(
            "U_ALICE", MENTION_TS, null, INSTRUCTION, List.of(slack.hiddenConnectFile("F_GONE"))));

    FakeSlack.Call refusal =
        slack.await("chat.postEphemeral", c -> c.shown().contains("Slack Connect"), WAIT);
    assertThat(refusal.param("user")).isEqualTo("U_ALICE");
    assertThat(refusal.shown()).contains("file_not_found").contains("upload it here");
    assertThat(editsStarted()).isZero();
  }

  @ParameterizedTest
  @EnumSource(WireBot.Mode.class)
  void aMentionThatComesOnlyAsAFileShareStartsTheEditOnce(WireBot.Mode mode) throws Exception {
    open(mode);
    Map<String, Object> file = video("F_NEW");
    String text = "<@" + FakeSlack.BOT_USER + "> " + INSTRUCTION;

    bot.event(SlackPayloads.fileShare("U_ALICE", MENTION_TS, null, text, List.of(file)));
    String id = awaitPlan();
    // The app_mention of the same message (same channel and ts) comes after all.
    bot.event(SlackPayloads.mention("U_ALICE", MENTION_TS, null, INSTRUCTION, List.of(file)));
    drainThread(id, "1700000000.000900");

    assertThat(editsStarted()).isEqualTo(1);
    assertThat(slack.calls("chat.postMessage").get(0).param("thread_ts")).isEqualTo(MENTION_TS);
  }

  @ParameterizedTest
  @EnumSource(WireBot.Mode.class)
  void slacksRetryAfterARestartIsNotActedOnAgain(WireBot.Mode mode) throws Exception {
    open(mode);
    String eventId = SlackPayloads.newEventId();
    Map<String, Object> mention =
        SlackPayloads.mention("U_ALICE", MENTION_TS, null, INSTRUCTION, List.of(video("F_V")));
    bot.event(eventId, mention, 0);
    String id = awaitPlan();

    bot.restart();
    WireBot.Ack retry = bot.event(eventId, mention, 1);

    assertThat(retry.status()).isEqualTo(200);
    drainThread(id, "1700000000.000900");
    assertThat(editsStarted()).isEqualTo(1);
  }
}
