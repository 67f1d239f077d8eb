package dev.klingbot.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.Platform;
import dev.klingbot.core.Requester;
import dev.klingbot.core.chat.ChatAction;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.edit.TaskState;
import dev.klingbot.core.i18n.Lang;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.testing.CrashesAfterPosting;
import dev.klingbot.core.testing.RecordingChat;
import dev.klingbot.core.testing.WorkflowFixture;
import dev.klingbot.testing.SettableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The job runner driven by hand with a settable clock: expiry, links for large results, callbacks,
 * polling.
 */
class RunnerAndDeliveryTest {
  private final Requester alice = WorkflowFixture.requester(Platform.DISCORD, "alice");
  private WorkflowFixture fixture;
  private RecordingChat chat;

  private final SettableClock clock = new SettableClock(Instant.now());

  private void open() {
    fixture = WorkflowFixture.handDriven(clock);
    chat = fixture.recordDiscord();
  }

  @AfterEach
  void close() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void anUnsubmittedEditExpiresWithItsSessionAndTheUserIsTold() {
    open();
    Edit edit = fixture.startSample(alice).edit();

    clock.advance(Duration.ofHours(23));
    assertThat(fixture.workflow().runner().expireSessions()).isZero();
    clock.advance(Duration.ofHours(1).plusSeconds(1));
    assertThat(fixture.workflow().runner().expireSessions()).isEqualTo(1);
    fixture.workflow().runner().runOnce();

    assertThat(fixture.edits.find(edit.id()).orElseThrow().state()).isEqualTo(EditState.EXPIRED);
    assertThat(chat.posts())
        .singleElement()
        .satisfies(
            post -> {
              assertThat(post.message().text())
                  .startsWith("⌛ Edit `" + edit.id() + "`")
                  .contains("expired")
                  .contains("Start a new edit");
              assertThat(post.message().mentionUserId()).isEqualTo("alice");
            });
    fixture.workflow().runner().runOnce();
    assertThat(chat.posts()).hasSize(1);
  }

  @Test
  void aTaskKlingDoesNotFinishInTimeFailsWithTheTimeWrittenInWords() {
    open();
    Edit edit = fixture.startAndSubmit(alice);
    fixture.workflow().runner().runOnce();
    assertThat(fixture.edits.find(edit.id()).orElseThrow().task().taskId()).isNotNull();

    clock.advance(fixture.settings().jobs().taskTimeout().plusMinutes(1));
    fixture.workflow().runner().runOnce();

    Edit failed = fixture.edits.find(edit.id()).orElseThrow();
    assertThat(failed.state()).isEqualTo(EditState.FAILED);
    assertThat(failed.task().status()).isEqualTo(TaskState.TIMED_OUT);
    assertThat(chat.postsContaining("did not finish this edit"))
        .singleElement()
        .satisfies(
            post ->
                assertThat(post.message().text())
                    .contains("did not finish this edit within 6 hours,")
                    .doesNotContain("6:00:00")
                    .contains("your units were refunded"));
    assertThat(fixture.edits.events(edit.id())).contains("timed-out");
    assertThat(fixture.quota.ledgerState(edit.id())).contains("REFUNDED");
  }

  @Test
  void aResultTooLargeToUploadIsLinkedWithAStill() throws Exception {
    open();
    chat.uploadLimit(1000);
    Edit edit = fixture.startAndSubmit(alice);

    Edit done = fixture.stepUntilDelivered(edit.id(), clock, Duration.ZERO);

    assertThat(done.state()).isEqualTo(EditState.SUCCEEDED);
    RecordingChat.Posted result = chat.postsContaining("is ready").get(0);
    assertThat(result.message().text())
        .contains("too large to upload here")
        .contains(done.outcome().resultUrl());
    assertThat(result.message().files())
        .singleElement()
        .satisfies(file -> assertThat(file.name()).isEqualTo("preview.png"));
  }

  @Test
  void pollingStartsOftenAndSlowsDownToTheCap() {
    open();
    WorkflowSettings settings = fixture.settings();

    assertThat(settings.pollDelay(0)).isEqualTo(Duration.ofMillis(200));
    assertThat(settings.pollDelay(1)).isEqualTo(Duration.ofMillis(300));
    assertThat(settings.pollDelay(2)).isEqualTo(Duration.ofMillis(450));
    assertThat(settings.pollDelay(3)).isEqualTo(Duration.ofMillis(500));
    assertThat(settings.pollDelay(50)).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void aCallbackWithTheRightSecretMakesTheRunnerCheckNowAndAWrongOneIsRefused() {
    open();
    Edit edit = fixture.startAndSubmit(alice);
    fixture.workflow().runner().runOnce();
    Edit running = fixture.edits.find(edit.id()).orElseThrow();
    assertThat(running.task().nextCheckAt()).isAfter(clock.instant());
    KlingCallbacks callbacks = fixture.workflow().callbacks();
    byte[] body =
        "{\"task_id\":\"x\",\"task_status\":\"succeed\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(callbacks.handle(edit.id(), "wrong", Map.of(), body))
        .isEqualTo(KlingCallbacks.Outcome.FORBIDDEN);
    assertThat(callbacks.handle("NOSUCHED", running.callbackToken(), Map.of(), body))
        .isEqualTo(KlingCallbacks.Outcome.UNKNOWN_EDIT);
    assertThat(fixture.edits.find(edit.id()).orElseThrow().task().nextCheckAt())
        .isAfter(clock.instant());

    assertThat(callbacks.handle(edit.id(), running.callbackToken(), Map.of(), body))
        .isEqualTo(KlingCallbacks.Outcome.ACCEPTED);
    Edit after = fixture.edits.find(edit.id()).orElseThrow();
    assertThat(after.task().nextCheckAt())
        .isCloseTo(
            clock.instant(),
            org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MILLIS));
    assertThat(after.state())
        .as("a callback is a hint; only the query that follows changes the state")
        .isEqualTo(running.state());
  }

  @Test
  void aResultPostedJustBeforeACrashIsNotPostedAgainAfterTheRestart() throws Exception {
    openCrashingAfterPosting("is ready", "the bot process was killed after the upload");
    Edit edit = fixture.startAndSubmit(alice);
    stepUntilPosted("is ready");
    assertThat(chat.postsContaining("is ready")).hasSize(1);
    assertThat(chat.postsContaining("is ready").get(0).message().deliveryKey())
        .as("a key the platform can make the post idempotent with (Discord's nonce)")
        .isEqualTo("result:" + edit.id());
    Edit interrupted = fixture.edits.find(edit.id()).orElseThrow();
    assertThat(interrupted.outcome().deliveryStartedAt()).isNotNull();
    assertThat(interrupted.outcome().deliveredAt()).isNull();

    fixture.restartAndStepTwice(Platform.DISCORD, clock);

    assertThat(chat.postsContaining("is ready"))
        .as("the result appears once in the thread")
        .hasSize(1);
    Edit delivered = fixture.edits.find(edit.id()).orElseThrow();
    assertThat(delivered.outcome().deliveredAt()).isNotNull();
    assertThat(fixture.edits.events(edit.id())).last().asString().startsWith("delivered");
  }

  @Test
  void anEditStartedInChineseIsFollowedAndDeliveredInChinese() throws Exception {
    open();
    Edit edit;
    try (Messages.Scope zh = Messages.use(Lang.ZH)) {
      edit = fixture.startAndSubmit(alice);
    }

    Edit done = fixture.stepUntilDelivered(edit.id(), clock, Duration.ZERO);

    assertThat(done.state()).isEqualTo(EditState.SUCCEEDED);
    RecordingChat.Posted result = chat.postsContaining("✅ 你的编辑 `" + edit.id() + "` 已完成：").get(0);
    assertThat(result.message().text()).doesNotContain("Your edit", "is ready");
    assertThat(result.message().actions())
        .extracting(ChatAction::label)
        .containsExactly("继续编辑结果", "再来一次");
    assertThat(chat.postsContaining("Your edit")).isEmpty();
  }

  @Test
  void aChineseResultPostedJustBeforeACrashIsNotPostedAgainAfterTheRestart() throws Exception {
    openCrashingAfterPosting("已完成", "the bot process was killed");
    Edit edit;
    try (Messages.Scope zh = Messages.use(Lang.ZH)) {
      edit = fixture.startAndSubmit(alice);
    }
    stepUntilPosted("已完成");
    assertThat(chat.postsContaining("已完成")).hasSize(1);

    fixture.restartAndStepTwice(Platform.DISCORD, clock);

    assertThat(chat.postsContaining("你的编辑 `" + edit.id() + "` 已完成"))
        .as("the Chinese result appears once in the thread")
        .hasSize(1);
    assertThat(fixture.edits.find(edit.id()).orElseThrow().outcome().deliveredAt()).isNotNull();
  }

  /** Runs the job runner a second at a time until a post containing {@code text} is in the chat. */
  private void stepUntilPosted(String text) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (chat.postsContaining(text).isEmpty() && Instant.now().isBefore(deadline)) {
      fixture.workflow().runner().runOnce();
      clock.advance(Duration.ofSeconds(1));
      Thread.sleep(100);
    }
  }

  /**
   * A hand-driven workflow whose Discord chat records the posts and throws {@code why} right after
   * the first post containing {@code text} (as if the process died then).
   */
  private void openCrashingAfterPosting(String text, String why) {
    fixture = WorkflowFixture.handDriven(clock);
    chat = new RecordingChat(Platform.DISCORD);
    fixture.chats.register(
        new CrashesAfterPosting(chat, text, () -> new IllegalStateException(why)));
    fixture.workflow().runner().follow(Platform.DISCORD);
  }
}
