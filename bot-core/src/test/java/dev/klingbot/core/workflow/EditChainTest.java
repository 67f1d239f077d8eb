package dev.klingbot.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.klingbot.core.Platform;
import dev.klingbot.core.Requester;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.edit.Chain;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.testing.RecordingChat;
import dev.klingbot.core.testing.TestDatabases;
import dev.klingbot.core.testing.WorkflowFixture;
import dev.klingbot.simulator.RecordedRequest;
import dev.klingbot.simulator.SimulatorOptions;
import dev.klingbot.testing.SettableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Edits made from earlier ones: the result edited further through Kling's {@code video_id}, the
 * 30-day fallback both ways, "again", and the chain in status and history. The bot and the
 * simulator each run on a clock the test sets, so a result can be aged past Kling's 30 days on
 * either side.
 */
class EditChainTest {
  private static final Instant START = Instant.parse("2026-11-02T10:00:00Z");

  private final Requester alice = WorkflowFixture.requester(Platform.DISCORD, "alice");
  private final SettableClock clock = new SettableClock(START);
  private final dev.klingbot.simulator.SettableClock klingClock =
      new dev.klingbot.simulator.SettableClock(START);
  private WorkflowFixture fixture;
  private RecordingChat chat;
  private EditService service;

  @BeforeEach
  void open() {
    fixture =
        new WorkflowFixture(
            SimulatorOptions.builder().taskProcessingTime(Duration.ofSeconds(1)).clock(klingClock),
            TestDatabases.h2(),
            clock);
    chat = new RecordingChat(Platform.DISCORD);
    fixture.chats.register(chat);
    fixture.workflow().runner().follow(Platform.DISCORD);
    service = fixture.workflow().service();
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void theResultIsEditedFromKlingsVideoIdWithNothingDownloadedOrUploaded() throws Exception {
    Edit first = delivered("remove the ball", "C4");
    assertThat(first.outcome().resultVideoId()).isNotBlank();
    fixture.simulator.clearRequests();
    int relayedBefore = fixture.relayedPaths().size();

    Reply reply =
        service.start(
            alice, StartEdit.of(new MediaSource.Result(first.id()), "remove the line too"));

    Edit second = reply.edit();
    assertThat(second.state()).isEqualTo(EditState.SELECTING);
    assertThat(second.video().chain()).isEqualTo(Chain.resultOf(first.id()));
    assertThat(second.origin().threadId()).isEqualTo(first.origin().threadId());
    assertThat(initBodies())
        .singleElement()
        .satisfies(
            body ->
                assertThat(body)
                    .contains("\"video_id\":\"" + first.outcome().resultVideoId() + "\"")
                    .doesNotContain("video_url"));
    assertThat(fixture.relayedPaths().subList(relayedBefore, fixture.relayedPaths().size()))
        .as("Kling fetched nothing from the bot for the new edit")
        .isEmpty();
    assertThat(reply.messages().get(0).text())
        .contains("Edit `" + second.id() + "`** from the result of `" + first.id() + "`")
        .contains("Remove “the line”");

    service.select(alice, second.id(), "D5");
    service.submit(alice, second.id());
    Edit done = fixture.stepUntilDelivered(second.id(), clock, Duration.ofSeconds(1));
    assertThat(done.state()).isEqualTo(EditState.SUCCEEDED);
    assertThat(fixture.quota.ledgerState(second.id())).contains("COMMITTED");
  }

  @Test
  void whenKlingRefusesTheVideoIdTheStoredResultFileIsRelayedInstead() throws Exception {
    Edit first = delivered("remove the ball", "C4");
    // Kling's side has aged past 30 days; the bot's clock still thinks it may have it
    klingClock.set(START.plus(Duration.ofDays(31)));
    clock.advance(Duration.ofDays(29));
    fixture.simulator.clearRequests();

    Reply reply =
        service.start(
            alice, StartEdit.of(new MediaSource.Result(first.id()), "remove the line too"));

    Edit second = reply.edit();
    assertThat(second.state()).isEqualTo(EditState.SELECTING);
    assertThat(second.video().klingVideoId()).isNull();
    assertThat(initBodies()).hasSize(2);
    assertThat(initBodies().get(0)).contains("video_id");
    assertThat(initBodies().get(1)).contains("video_url").contains("/media/" + second.id());
    assertThat(fixture.edits.events(second.id())).anyMatch(e -> e.startsWith("video-id-refused"));
    assertThat(reply.messages().get(0).text())
        .contains("Kling no longer had the result of " + first.id());
  }

  @Test
  void pastThirtyDaysTheBotGoesStraightToTheStoredFile() throws Exception {
    Edit first = delivered("remove the ball", "C4");
    clock.advance(Duration.ofDays(31));
    klingClock.set(START.plus(Duration.ofDays(31)));
    fixture.simulator.clearRequests();

    Edit second =
        service
            .start(alice, StartEdit.of(new MediaSource.Result(first.id()), "remove the line"))
            .edit();

    assertThat(second.state()).isEqualTo(EditState.SELECTING);
    assertThat(initBodies()).singleElement().satisfies(b -> assertThat(b).contains("video_url"));
  }

  @Test
  void withoutTheFileAnOldResultIsRefusedInPlainWordsBothWays() throws Exception {
    Edit first = delivered("remove the ball", "C4");
    Files.delete(Path.of(first.outcome().resultFile()));

    // Kling refuses the id and the bot has no file: the new edit ends with the sentence
    klingClock.set(START.plus(Duration.ofDays(31)));
    assertThatThrownBy(
            () ->
                service.start(
                    alice, StartEdit.of(new MediaSource.Result(first.id()), "remove the line")))
        .isInstanceOf(EditException.class)
        .hasMessageContaining("too old to edit further")
        .hasMessageContaining("Kling keeps results for 30 days");

    // the bot knows it is too old: refused before anything is stored or sent
    clock.advance(Duration.ofDays(31));
    fixture.simulator.clearRequests();
    int stored = service.recentEdits(alice, 25).size();
    assertThatThrownBy(
            () ->
                service.start(
                    alice, StartEdit.of(new MediaSource.Result(first.id()), "remove the line")))
        .isInstanceOf(EditException.class)
        .hasMessageContaining("too old to edit further");
    assertThat(initBodies()).isEmpty();
    assertThat(service.recentEdits(alice, 25)).hasSize(stored);
  }

  @Test
  void againRunsTheSameEditAsANewTaskWithItsOwnChargeAndTheChainShows() throws Exception {
    Edit first = delivered("remove the ball", "C4 D4");
    fixture.simulator.clearRequests();

    Reply reply = service.again(alice, first.id());

    Edit again = reply.edit();
    assertThat(again.id()).isNotEqualTo(first.id());
    assertThat(again.state()).isEqualTo(EditState.SUBMITTED);
    assertThat(again.video().chain()).isEqualTo(Chain.again(first.id()));
    assertThat(again.request().prompt()).isEqualTo(first.request().prompt());
    assertThat(again.request().duration()).isEqualTo(first.request().duration());
    assertThat(fixture.selections.points(again.id()))
        .isEqualTo(fixture.selections.points(first.id()));
    assertThat(reply.messages().stream().map(ChatMessage::text))
        .anySatisfy(
            text ->
                assertThat(text)
                    .contains("(`" + first.id() + "` again)")
                    .contains("the same as before (frame 0: 2 points)"))
        .anySatisfy(text -> assertThat(text).contains("Submitted edit `" + again.id() + "`"));
    assertThat(fixture.quota.ledgerState(again.id())).contains("RESERVED");

    Edit done = fixture.stepUntilDelivered(again.id(), clock, Duration.ofSeconds(1));
    assertThat(done.state()).isEqualTo(EditState.SUCCEEDED);
    assertThat(done.task().taskId()).isNotEqualTo(first.task().taskId());
    assertThat(fixture.simulator.requests().stream().map(RecordedRequest::body))
        .anyMatch(body -> body.contains("\"external_task_id\":\"" + again.id() + "\""));

    Edit edited =
        service
            .start(alice, StartEdit.of(new MediaSource.Result(again.id()), "remove the line"))
            .edit();
    assertThat(service.status(alice, first.id()).messages().get(0).text())
        .contains("**Made from it:** `" + again.id() + "` again (succeeded)");
    assertThat(service.status(alice, edited.id()).messages().get(0).text())
        .contains("from the result of `" + again.id() + "`");
    assertThat(service.history(alice, 10).messages().get(0).text())
        .contains("`" + again.id() + "` · succeeded · Remove “the ball” · ")
        .contains("`" + first.id() + "` again")
        .contains("from the result of `" + again.id() + "`");
  }

  @Test
  void againNeedsAnEditThatWasSubmittedAndTheSameQuota() throws Exception {
    Edit unsent =
        service
            .start(alice, StartEdit.of(fixture.sampleVideo(1280, 720, 30, 5), "remove the ball"))
            .edit();
    assertThatThrownBy(() -> service.again(alice, unsent.id()))
        .hasMessageContaining("was never submitted")
        .hasMessageContaining("submit it instead");

    Edit first = delivered("remove the ball", "C4");
    fixture.serverSettings.setPolicy(
        Platform.DISCORD, "guild-1", "daily_units", 1, "admin", clock.instant());
    assertThatThrownBy(() -> service.again(alice, first.id()))
        .isInstanceOf(EditException.class)
        .hasMessageContaining("0 units left today");
  }

  @Test
  void againWhileKlingIsDownLeavesNothingBehindAndChargesNothing() throws Exception {
    Edit first = delivered("remove the ball", "C4");
    int before = service.recentEdits(alice, 25).size();
    fixture.simulator.faults().serverErrorRate(1.0);

    assertThatThrownBy(() -> service.again(alice, first.id()))
        .isInstanceOf(EditException.class)
        .hasMessageContaining("Kling is busy or down right now")
        .hasMessageContaining("nothing was charged");

    List<Edit> recent = service.recentEdits(alice, 25);
    assertThat(recent).hasSize(before + 1);
    assertThat(recent.get(0).state()).isEqualTo(EditState.CANCELLED);
    assertThat(fixture.quota.ledgerState(recent.get(0).id())).isEmpty();
  }

  @Test
  void theDeliveredResultCarriesEditResultAndAgain() throws Exception {
    Edit first = delivered("remove the ball", "C4");
    RecordingChat.Posted result = chat.postsContaining("is ready").get(0);
    assertThat(result.message().actions())
        .extracting(a -> a.kind())
        .contains(
            dev.klingbot.core.chat.ChatAction.Kind.EDIT_RESULT,
            dev.klingbot.core.chat.ChatAction.Kind.AGAIN);
    assertThat(result.message().actions()).allMatch(a -> a.editId().equals(first.id()));
  }

  // ---------------------------------------------------------------------------------------------

  private Edit delivered(String instruction, String cells) throws Exception {
    Edit edit =
        service
            .start(alice, StartEdit.of(fixture.sampleVideo(1280, 720, 30, 5), instruction))
            .edit();
    edit = service.attachConversation(alice, edit.id(), "thread-" + edit.id(), "plan-1");
    service.select(alice, edit.id(), cells);
    service.submit(alice, edit.id());
    return fixture.stepUntilDelivered(edit.id(), clock, Duration.ofSeconds(1));
  }

  private List<String> initBodies() {
    return fixture.simulator.requests().stream()
        .filter(r -> r.path().endsWith("/init-selection"))
        .map(RecordedRequest::body)
        .toList();
  }
}
