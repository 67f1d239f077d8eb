package dev.klingbot.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.klingbot.core.Platform;
import dev.klingbot.core.Requester;
import dev.klingbot.core.chat.MessageRef;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.testing.RecordingChat;
import dev.klingbot.core.testing.WorkflowFixture;
import dev.klingbot.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kling down or busy at every step (the simulator answers 500/5000 or 503/5001 to every call):
 * nothing but a real refusal ends an edit. The runner is driven by hand with a settable clock.
 */
class KlingOutageTest {
  private static final DateTimeFormatter HH_MM =
      DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

  private final Requester alice = WorkflowFixture.requester(Platform.DISCORD, "alice");
  private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T10:00:00Z"));
  private WorkflowFixture fixture;
  private RecordingChat chat;

  @BeforeEach
  void open() {
    fixture = WorkflowFixture.handDriven(clock);
    chat = fixture.recordDiscord();
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void aStartDuringAnOutageWaitsAndItsPlanAppearsInPlaceWhenKlingAnswers() {
    fixture.simulator.faults().serverErrorRate(1.0);

    Reply reply = start();
    Edit edit = reply.edit();

    assertThat(edit.state()).isEqualTo(EditState.CREATED);
    assertThat(reply.message().text())
        .contains("Kling is busy or down right now; I'll keep trying until 10:30 UTC")
        .contains("show the plan here when the session is open");
    MessageRef plan = postAsTheAdapterDoes(reply);

    clock.advance(Duration.ofSeconds(11));
    assertThat(fixture.workflow().runner().runOnce()).isEqualTo(1);
    assertThat(fixture.edits.find(edit.id()).orElseThrow().state()).isEqualTo(EditState.CREATED);

    fixture.simulator.faults().clear();
    clock.advance(Duration.ofMinutes(2));
    fixture.workflow().runner().runOnce();

    Edit opened = fixture.edits.find(edit.id()).orElseThrow();
    assertThat(opened.state()).isEqualTo(EditState.SELECTING);
    assertThat(opened.session().sessionId()).isNotBlank();
    assertThat(chat.posts()).as("one message, edited in place").hasSize(1);
    RecordingChat.Posted only = chat.posts().get(0);
    assertThat(only.id()).isEqualTo(plan.id());
    assertThat(only.text()).contains("Kling prompt").doesNotContain("busy or down");
    assertThat(only.edits().get(only.edits().size() - 1).actions()).isNotEmpty();
    assertThat(fixture.edits.events(edit.id()))
        .anyMatch(line -> line.startsWith("kling-unavailable: init-selection"))
        .anyMatch(line -> line.startsWith("session-opened"));

    clock.advance(Duration.ofMinutes(5));
    assertThat(fixture.workflow().runner().runOnce())
        .as("an open session is no work for the runner")
        .isZero();
  }

  @Test
  void aStartGivesUpOnlyAfterTheRetryWindowWithOneMessage() {
    fixture.simulator.faults().serverErrorRate(1.0);
    Reply reply = start();
    postAsTheAdapterDoes(reply);
    String id = reply.edit().id();

    int tries = 0;
    while (clock.instant().isBefore(Instant.parse("2026-12-01T10:29:00Z"))) {
      clock.advance(Duration.ofMinutes(1));
      tries += fixture.workflow().runner().runOnce();
      assertThat(fixture.edits.find(id).orElseThrow().state()).isEqualTo(EditState.CREATED);
    }
    assertThat(tries).as("tried again with backoff, at most every 2 minutes").isBetween(14, 29);

    clock.advance(Duration.ofMinutes(2));
    fixture.workflow().runner().runOnce();

    Edit failed = fixture.edits.find(id).orElseThrow();
    assertThat(failed.state()).isEqualTo(EditState.FAILED);
    assertThat(failed.outcome().failureReason())
        .isEqualTo(
            "Kling was busy or down for 30 minutes, so I stopped trying. Please try again later.");
    assertThat(chat.posts()).hasSize(1);
    assertThat(chat.posts().get(0).text()).contains("stopped trying").doesNotContain("keep trying");
    clock.advance(Duration.ofMinutes(5));
    fixture.workflow().runner().runOnce();
    assertThat(chat.posts()).hasSize(1);
  }

  @Test
  void aCreateDuringAnOutageWaitsWithOneProgressMessageAndTheTaskIsCreatedOnce() {
    Edit edit = start().edit();
    fixture.workflow().service().submit(alice, edit.id());
    fixture.simulator.faults().serverErrorRate(1.0);

    fixture.workflow().runner().runOnce();
    clock.advance(Duration.ofMinutes(1));
    fixture.workflow().runner().runOnce();

    Edit waiting = fixture.edits.find(edit.id()).orElseThrow();
    assertThat(waiting.state()).isEqualTo(EditState.SUBMITTED);
    assertThat(waiting.task().taskId()).isNull();
    assertThat(chat.postsContaining("Kling is busy or down"))
        .singleElement()
        .satisfies(
            post ->
                assertThat(post.text())
                    .contains(
                        "I'll keep trying until "
                            + HH_MM.format(
                                clock.instant().minusSeconds(60).plus(Duration.ofMinutes(30)))));

    fixture.simulator.faults().clear();
    clock.advance(Duration.ofMinutes(2));
    fixture.workflow().runner().runOnce();

    Edit created = fixture.edits.find(edit.id()).orElseThrow();
    assertThat(created.task().taskId()).isNotNull();
    assertThat(created.state()).isIn(EditState.SUBMITTED, EditState.PROCESSING);
    assertThat(chat.posts()).as("the progress message was edited, not repeated").hasSize(1);
    assertThat(chat.posts().get(0).text()).doesNotContain("busy or down");
    assertThat(fixture.quota.ledgerState(edit.id()))
        .isNotEqualTo(java.util.Optional.of("REFUNDED"));
  }

  @Test
  void aCreateThatNeverGetsThroughFailsAfterTheWindowAndIsRefunded() {
    Edit edit = start().edit();
    fixture.workflow().service().submit(alice, edit.id());
    fixture.simulator.faults().serverErrorRate(1.0);

    for (int minute = 0; minute < 29; minute++) {
      fixture.workflow().runner().runOnce();
      clock.advance(Duration.ofMinutes(1));
    }
    assertThat(fixture.edits.find(edit.id()).orElseThrow().state()).isEqualTo(EditState.SUBMITTED);
    clock.advance(Duration.ofMinutes(2));
    fixture.workflow().runner().runOnce();

    Edit failed = fixture.edits.find(edit.id()).orElseThrow();
    assertThat(failed.state()).isEqualTo(EditState.FAILED);
    assertThat(fixture.quota.ledgerState(edit.id())).contains("REFUNDED");
    assertThat(chat.postsContaining("❌ Edit `" + edit.id() + "`"))
        .singleElement()
        .satisfies(
            post ->
                assertThat(post.text())
                    .contains("Kling was busy or down for 30 minutes, so I stopped trying.")
                    .contains("Your units were refunded."));
    assertThat(chat.postsContaining("Kling is busy or down")).hasSize(1);
  }

  @Test
  void aQueryDuringAnOutageNeverEndsTheEdit() {
    Edit edit = start().edit();
    fixture.workflow().service().submit(alice, edit.id());
    fixture.workflow().runner().runOnce();
    assertThat(fixture.edits.find(edit.id()).orElseThrow().task().taskId()).isNotNull();
    fixture.simulator.faults().serverErrorRate(1.0);

    for (int minute = 0; minute < 10; minute++) {
      clock.advance(Duration.ofMinutes(1));
      fixture.workflow().runner().runOnce();
    }

    Edit waiting = fixture.edits.find(edit.id()).orElseThrow();
    assertThat(waiting.state()).isIn(EditState.SUBMITTED, EditState.PROCESSING);
    assertThat(chat.posts()).hasSize(1);
    assertThat(chat.posts().get(0).text()).contains("Kling is busy or down");

    fixture.simulator.faults().clear();
    clock.advance(Duration.ofMinutes(2));
    fixture.workflow().runner().runOnce();
    assertThat(chat.posts().get(0).text()).doesNotContain("busy or down");
    assertThat(fixture.edits.find(edit.id()).orElseThrow().state())
        .isIn(EditState.SUBMITTED, EditState.PROCESSING, EditState.SUCCEEDED);
    assertThat(fixture.edits.events(edit.id()))
        .anyMatch(line -> line.startsWith("kling-unavailable: query-task"));
  }

  @Test
  void selectingAndPreviewingDuringAnOutageSayKlingDidNotAnswerAndKeepTheEdit() {
    Edit edit = start().edit();
    fixture.workflow().service().select(alice, edit.id(), "C4");
    fixture.simulator.faults().serverErrorRate(1.0);

    EditException select =
        catchThrowableOfType(
            EditException.class, () -> fixture.workflow().service().select(alice, edit.id(), "D4"));
    EditException preview =
        catchThrowableOfType(
            EditException.class, () -> fixture.workflow().service().preview(alice, edit.id()));

    assertThat(select.getMessage())
        .isEqualTo("Kling did not answer; your marks are kept, try again in a minute.");
    assertThat(preview.getMessage()).isEqualTo(select.getMessage());
    assertThat(fixture.edits.find(edit.id()).orElseThrow().state()).isEqualTo(EditState.SELECTING);
    assertThat(fixture.selections.points(edit.id()).get(0)).hasSize(1);

    fixture.simulator.faults().clear();
    fixture.workflow().service().preview(alice, edit.id());
    fixture.simulator.faults().serverErrorRate(1.0);
    catchThrowableOfType(
        EditException.class, () -> fixture.workflow().service().select(alice, edit.id(), "E4"));
    assertThat(fixture.edits.find(edit.id()).orElseThrow().state())
        .as("a previewed edit stays previewed when marking more did not get through")
        .isEqualTo(EditState.PREVIEWED);

    fixture.simulator.faults().clear();
    fixture.workflow().service().select(alice, edit.id(), "D4");
    assertThat(fixture.selections.points(edit.id()).get(0)).hasSize(2);
  }

  @Test
  void anAmbiguousCreateIsLookedUpByTheEditIdAndNeverEndsAsOutcomeUnknown() {
    AnswerLost kling = new AnswerLost(fixture.kling);
    fixture.workflow().close();
    Workflow workflow = fixture.newWorkflow(kling);
    workflow.runner().follow(Platform.DISCORD);
    Edit edit =
        workflow
            .service()
            .start(alice, StartEdit.of(fixture.sampleVideo(1280, 720, 30, 5), "remove the ball"))
            .edit();
    workflow.service().submit(alice, edit.id());

    workflow.runner().runOnce();
    Edit unsure = fixture.edits.find(edit.id()).orElseThrow();
    assertThat(unsure.state()).isEqualTo(EditState.SUBMITTED);
    assertThat(unsure.outcome().failureReason()).isNull();

    clock.advance(Duration.ofMinutes(1));
    workflow.runner().runOnce();

    Edit found = fixture.edits.find(edit.id()).orElseThrow();
    assertThat(found.task().taskId()).isEqualTo(kling.createdTaskId);
    assertThat(kling.creates).as("the paid create was sent once").isEqualTo(1);
    assertThat(found.state()).isIn(EditState.SUBMITTED, EditState.PROCESSING, EditState.SUCCEEDED);
    assertThat(chat.postsContaining("It is not known")).isEmpty();
    workflow.close();
  }

  /** Kling creates the task, but its answer is lost on the way (the SDK gives up unsure). */
  private static final class AnswerLost implements dev.klingbot.kling.KlingClient {
    private final dev.klingbot.kling.KlingClient real;
    int creates;
    String createdTaskId;

    AnswerLost(dev.klingbot.kling.KlingClient real) {
      this.real = real;
    }

    @Override
    public dev.klingbot.kling.TaskInfo createTask(dev.klingbot.kling.CreateTaskRequest request) {
      creates++;
      createdTaskId = real.createTask(request).taskId();
      throw dev.klingbot.kling.KlingException.builder(
              dev.klingbot.kling.KlingErrorCode.OUTCOME_UNKNOWN,
              "Kling create-task failed and the outcome is unknown")
          .build();
    }

    @Override
    public dev.klingbot.kling.InitSelectionResult initSelection(
        dev.klingbot.kling.InitSelectionRequest request) {
      return real.initSelection(request);
    }

    @Override
    public dev.klingbot.kling.SelectionResult addSelection(
        dev.klingbot.kling.SelectionRequest request) {
      return real.addSelection(request);
    }

    @Override
    public dev.klingbot.kling.SelectionResult deleteSelection(
        dev.klingbot.kling.SelectionRequest request) {
      return real.deleteSelection(request);
    }

    @Override
    public dev.klingbot.kling.SelectionResult clearSelection(String sessionId) {
      return real.clearSelection(sessionId);
    }

    @Override
    public dev.klingbot.kling.PreviewResult previewSelection(String sessionId) {
      return real.previewSelection(sessionId);
    }

    @Override
    public dev.klingbot.kling.TaskInfo queryTask(String taskId) {
      return real.queryTask(taskId);
    }

    @Override
    public java.util.Optional<dev.klingbot.kling.TaskInfo> findTaskByExternalId(String id) {
      return real.findTaskByExternalId(id);
    }
  }

  private Reply start() {
    return fixture.startSample(alice);
  }

  /** Posts the reply's plan and records it, as the chat adapters do after a start. */
  private MessageRef postAsTheAdapterDoes(Reply reply) {
    MessageRef plan = chat.post(alice.conversation(), reply.message());
    fixture.workflow().service().attachConversation(alice, reply.edit().id(), null, plan.id());
    return plan;
  }
}
