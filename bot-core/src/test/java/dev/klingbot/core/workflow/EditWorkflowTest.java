package dev.klingbot.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.klingbot.core.Platform;
import dev.klingbot.core.Requester;
import dev.klingbot.core.chat.ChatAction;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.testing.RecordingChat;
import dev.klingbot.core.testing.WorkflowFixture;
import dev.klingbot.kling.TaskMode;
import dev.klingbot.simulator.SampleVideos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Whole edits against the Kling simulator over real HTTP, as a chat user would run them. */
class EditWorkflowTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  private WorkflowFixture fixture;
  private RecordingChat chat;
  private final Requester alice = WorkflowFixture.requester(Platform.DISCORD, "alice");

  private void open(WorkflowFixture newFixture) {
    fixture = newFixture;
    chat = new RecordingChat(Platform.DISCORD);
    fixture.chats.register(chat);
    fixture.workflow().runner().follow(Platform.DISCORD).start();
  }

  @AfterEach
  void close() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private Edit awaitDelivered(String id) throws InterruptedException {
    return fixture.awaitDelivered(id, WAIT);
  }

  private EditService service() {
    return fixture.workflow().service();
  }

  @Test
  void removalGoesFromInstructionToDeliveredResult() throws Exception {
    open(WorkflowFixture.quick());

    Reply started = fixture.startSample(alice, "Could you please remove the orange ball?");
    Edit edit = started.edit();

    assertThat(edit.state()).isEqualTo(EditState.SELECTING);
    assertThat(started.message().text())
        .contains("Remove “the orange ball”")
        .contains("`Delete the orange ball from <<<video_1>>>`")
        .contains("costs 1 unit")
        .contains("1280×720 · 30 fps · 5.0 s · 150 frames")
        .contains("you: 5 of 5 units left today");
    assertThat(started.message().actions())
        .extracting(ChatAction::kind)
        .containsExactly(
            ChatAction.Kind.SELECT_AREA,
            ChatAction.Kind.PREVIEW,
            ChatAction.Kind.SUBMIT,
            ChatAction.Kind.CANCEL,
            ChatAction.Kind.EDIT_PROMPT);
    service().attachConversation(alice, edit.id(), "thread-9", "plan-message");

    Reply grid = service().gridFrame(alice, edit.id(), 0);
    assertThat(grid.message().files())
        .singleElement()
        .satisfies(file -> assertThat(file.path()).exists());

    Reply selected = service().select(alice, edit.id(), "C4 frame:0");
    assertThat(selected.message().text())
        .contains("Marked C4 on frame 0")
        .contains("The highlighted area is what to remove");
    assertThat(selected.message().files())
        .singleElement()
        .satisfies(file -> assertThat(file.path()).exists());
    assertThat(fixture.simulator.sessions().get(0).points()).containsKey(0);

    Reply preview = service().preview(alice, edit.id());
    assertThat(preview.edit().state()).isEqualTo(EditState.PREVIEWED);
    assertThat(preview.message().files())
        .singleElement()
        .satisfies(file -> assertThat(file.path()).exists());

    Reply submitted = service().submit(alice, edit.id());
    assertThat(submitted.message().text())
        .contains("Submitted edit `" + edit.id() + "`")
        .contains("you: 4 of 5 units left today");

    RecordingChat.Posted result = chat.await(p -> p.message().text().contains("is ready"), WAIT);
    assertThat(result.where().threadId()).isEqualTo("thread-9");
    assertThat(result.message().mentionUserId()).isEqualTo("alice");
    assertThat(result.message().files())
        .singleElement()
        .satisfies(
            file -> {
              assertThat(file.path()).exists();
              assertThat(Files.size(file.path())).isGreaterThan(1000);
            });
    Edit done = awaitDelivered(edit.id());
    assertThat(done.state()).isEqualTo(EditState.SUCCEEDED);
    assertThat(done.outcome().deliveredAt()).isNotNull();
    assertThat(fixture.quota.ledgerState(edit.id())).contains("COMMITTED");
    assertThat(fixture.simulator.tasks())
        .singleElement()
        .satisfies(task -> assertThat(task.externalTaskId()).contains(edit.id()));
    RecordingChat.Posted progress = chat.await(p -> p.text().startsWith("✅ **Done**"), WAIT);
    assertThat(
            chat.postsContaining("**Submitted**").size()
                + chat.postsContaining("**Processing**").size())
        .isEqualTo(1);
    assertThat(progress.edits()).isNotEmpty();
  }

  @Test
  void aFailedTaskIsExplainedAndItsUnitsComeBack() throws Exception {
    open(
        WorkflowFixture.with(
            options ->
                options.faults(
                    dev.klingbot.simulator.FaultSettings.NONE.withTaskFailureRate(1.0))));

    Edit edit = fixture.startSample(alice, "remove the purple square").edit();
    service().submit(alice, edit.id());

    RecordingChat.Posted failure = chat.await(p -> p.message().text().startsWith("❌ Edit"), WAIT);
    assertThat(failure.message().text())
        .contains("Kling could not make this edit")
        .contains("Your units were refunded");
    assertThat(fixture.quota.ledgerState(edit.id())).contains("REFUNDED");
    assertThat(
            fixture
                .quota
                .usage(Platform.DISCORD, "guild-1", "alice", Instant.now())
                .userUsedToday())
        .isZero();
  }

  @Test
  void editsWaitInOrderWhenTheAccountIsAtItsParallelLimit() throws Exception {
    open(
        WorkflowFixture.with(
            options -> options.concurrencyLimit(1).taskProcessingTime(Duration.ofSeconds(3))));
    Requester bob = WorkflowFixture.requester(Platform.DISCORD, "bob");

    Edit first = fixture.startSample(alice).edit();
    Edit second = fixture.startSample(bob, "remove the square").edit();
    service().submit(alice, first.id());
    chat.await(
        p ->
            p.text().contains(first.id())
                && (p.text().contains("**Submitted**") || p.text().contains("**Processing**")),
        WAIT);
    service().submit(bob, second.id());

    RecordingChat.Posted queued = chat.await(p -> p.message().text().contains("**Queued**"), WAIT);
    assertThat(queued.message().text()).contains("Yours is next in line");
    assertThat(service().status(bob, second.id()).message().text()).contains("queued");

    chat.await(p -> p.message().text().contains("`" + second.id() + "` is ready"), WAIT);
    assertThat(awaitDelivered(first.id()).outcome().deliveredAt())
        .isBefore(awaitDelivered(second.id()).outcome().deliveredAt());
    assertThat(fixture.simulator.tasks()).hasSize(2);
  }

  @Test
  void aRestartWhileKlingProcessesDeliversTheResultExactlyOnce() throws Exception {
    open(WorkflowFixture.with(options -> options.taskProcessingTime(Duration.ofSeconds(4))));

    Edit edit = fixture.startSample(alice).edit();
    service().submit(alice, edit.id());
    chat.await(
        p -> p.text().contains("**Processing**") || p.text().contains("**Submitted**"), WAIT);

    fixture.restart();
    fixture.workflow().runner().follow(Platform.DISCORD).start();

    chat.await(p -> p.message().text().contains("is ready"), WAIT);
    awaitDelivered(edit.id());
    // Delivered and recorded: no runner, now or later, has anything left to do for this edit.
    assertThat(
            fixture
                .edits
                .work()
                .dueForWork(Instant.now().plus(Duration.ofDays(1)), List.of(Platform.DISCORD), 10))
        .doesNotContain(edit.id());
    assertThat(chat.postsContaining("is ready")).hasSize(1);
    assertThat(fixture.simulator.requestCount("/v1/videos/multi-elements")).isEqualTo(1);
    assertThat(fixture.simulator.tasks()).hasSize(1);
  }

  @Test
  void aVideoThatBreaksTheRulesIsFixedOnlyAfterTheUserAgrees() {
    open(WorkflowFixture.quick());

    Reply offer =
        service()
            .start(alice, StartEdit.of(fixture.sampleVideo(640, 360, 25, 5), "remove the ball"));

    assertThat(offer.edit().state()).isEqualTo(EditState.CREATED);
    assertThat(offer.message().text())
        .contains("does not meet Kling's rules")
        .contains("25 fps")
        .contains("640×360");
    assertThat(offer.message().actions())
        .extracting(ChatAction::kind)
        .containsExactly(ChatAction.Kind.CONFORM, ChatAction.Kind.CANCEL);
    assertThat(fixture.simulator.requestCount("/init-selection")).isZero();
    assertThatThrownBy(() -> service().submit(alice, offer.edit().id()))
        .hasMessageContaining("Conform");

    Reply conformed = service().conform(alice, offer.edit().id());

    assertThat(conformed.edit().state()).isEqualTo(EditState.SELECTING);
    assertThat(conformed.message().text()).contains("Using the fixed copy").contains("1280×720");
    assertThat(fixture.simulator.requestCount("/init-selection")).isEqualTo(1);
  }

  @Test
  void refusalsSayWhatToDoInstead() throws Exception {
    open(WorkflowFixture.quick());
    var video = fixture.sampleVideo(1280, 720, 30, 5);

    assertThatThrownBy(() -> service().start(alice, StartEdit.of(video, "make it better")))
        .isInstanceOf(EditException.class)
        .satisfies(
            e -> assertThat(((EditException) e).kind()).isEqualTo(EditException.Kind.INSTRUCTION));
    assertThatThrownBy(() -> service().start(alice, StartEdit.of(video, "swap the cat for a dog")))
        .hasMessageContaining("image");
    Path notVideo = SampleVideos.notAVideo(fixture.workDir.resolve("notes.mp4"));
    assertThatThrownBy(
            () ->
                service()
                    .start(alice, StartEdit.of(MediaSource.File.of(notVideo), "remove the ball")))
        .isInstanceOf(EditException.class)
        .hasMessageContaining("not a video");
    assertThatThrownBy(
            () ->
                service()
                    .start(
                        alice,
                        StartEdit.of(fixture.sampleVideo(1280, 720, 30, 1.5), "remove the ball")))
        .hasMessageContaining("can't be edited by Kling");
    assertThat(fixture.edits.recentByUser(Platform.DISCORD, "guild-1", "alice", 10)).isEmpty();

    fixture.serverSettings.setPolicy(
        Platform.DISCORD, "guild-1", "allow_pro", false, "admin", Instant.now());
    assertThatThrownBy(
            () ->
                service()
                    .start(
                        alice,
                        new StartEdit(video, "remove the ball", List.of(), TaskMode.PRO, null)))
        .hasMessageContaining("does not allow pro mode");
  }

  @Test
  void onlyTheOwnerOrAnAdminChangesAnEditAndOnlyWithinItsServer() {
    open(WorkflowFixture.quick());
    Edit edit = fixture.startSample(alice).edit();
    Requester bob = WorkflowFixture.requester(Platform.DISCORD, "bob");
    Requester admin = bob.withAdmin(true);
    Requester elsewhere =
        new Requester(Platform.DISCORD, "guild-2", "c", null, "alice", "alice", true, null);

    assertThatThrownBy(() -> service().submit(bob, edit.id()))
        .hasMessageContaining("belongs to alice");
    assertThat(service().status(bob, edit.id()).message().text()).contains(edit.id());
    assertThatThrownBy(() -> service().status(elsewhere, edit.id()))
        .hasMessageContaining("no edit");
    assertThat(service().cancel(admin, edit.id()).message().text()).contains("Cancelled");
  }

  @Test
  void cancellingAQueuedEditRefundsIt() throws Exception {
    open(
        WorkflowFixture.with(
            options ->
                options
                    .faults(dev.klingbot.simulator.FaultSettings.NONE)
                    .concurrencyLimit(1)
                    .taskProcessingTime(Duration.ofSeconds(5))));
    Edit first = fixture.startSample(alice).edit();
    Edit second = fixture.startSample(alice, "remove the square").edit();
    service().submit(alice, first.id());
    chat.await(p -> p.text().contains(first.id()), WAIT);
    service().submit(alice, second.id());
    chat.await(p -> p.message().text().contains("**Queued**"), WAIT);

    assertThatThrownBy(() -> service().cancel(alice, first.id()))
        .hasMessageContaining("cannot be stopped");
    Reply cancelled = service().cancel(alice, second.id());

    assertThat(cancelled.message().text()).contains("went back to your quota");
    assertThat(fixture.quota.ledgerState(second.id())).contains("REFUNDED");
  }
}
