package dev.klingbot.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.chat.ChatAction;
import dev.klingbot.core.chat.ChatAction.Kind;
import dev.klingbot.core.conversation.CommandGrammar;
import dev.klingbot.core.conversation.EditCommand;
import dev.klingbot.core.conversation.EditCommand.Admin;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.workflow.MediaSource;
import dev.klingbot.simulator.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The one scripted dialogue every front-end must carry: start, grid, select in several columns and
 * frames, unselect, preview, a prompt change, refusals (someone else's edit, spent quota, an
 * unknown verb), submit, progress and result, status, history, quota and an admin quota change.
 * Each front-end's test extends this class and says how a person gives a command there (a console
 * line, a Slack thread reply or {@code /kling}, a Discord slash command or button) and what reached
 * the people, rendered for the platform and read back as plain text and button kinds. The same core
 * sentences and the same actions must arrive everywhere.
 */
public abstract class ConversationContract {
  protected static final Duration WAIT = Duration.ofSeconds(90);

  /** A person on the front-end. */
  public record Person(String id, String name, boolean admin) {}

  protected static final Person ALICE = new Person("U0ALICE", "alice", false);
  protected static final Person BOB = new Person("U0BOB", "bob", false);
  protected static final Person ADA = new Person("U0ADA", "ada", true);

  /** A message as a person saw it: its text without markup, and the kinds of its buttons. */
  public record Seen(String text, Set<Kind> actions) {
    public Seen {
      text = text == null ? "" : text.replace("**", "").replace("*", "").replace("`", "");
      actions = Set.copyOf(actions);
    }
  }

  /**
   * Starts an edit of a 5 s sample clip the way the front-end does; answers the person's latest
   * edit's id (the new one, unless the start was refused).
   */
  protected abstract String start(Person who, String instruction) throws Exception;

  /** Gives a command as a person types or chooses it on this front-end. */
  protected abstract void give(Person who, EditCommand command) throws Exception;

  /** Presses a button the bot showed (its id is {@link ChatAction#id()}). */
  protected abstract void press(Person who, ChatAction button) throws Exception;

  /**
   * Presses a button that opens a form and fills it in with {@code value} (the console, which has
   * no forms, types the command the button stands for).
   */
  protected abstract void fillForm(Person who, ChatAction button, String value) throws Exception;

  /**
   * Types a line whose first word is no command; returns false when the front-end cannot take free
   * text as a command (Discord offers only its registered slash commands).
   */
  protected abstract boolean typeNoCommand(Person who, String line) throws Exception;

  /** Everything that reached people so far, in order, as they saw it. */
  protected abstract List<Seen> seen();

  /** The workflow behind the front-end. */
  protected abstract WorkflowFixture fixture();

  private int read;

  /** Waits for the next message containing {@code phrase}; it must carry {@code actions}. */
  protected Seen expect(String phrase, Kind... actions) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    Seen found = null;
    while (System.nanoTime() < deadline) {
      List<Seen> all = seen();
      for (int i = read; i < all.size(); i++) {
        if (all.get(i).text().contains(phrase)) {
          found = all.get(i);
          // Some platforms send a message's buttons just after it: wait for them too.
          if (found.actions().containsAll(List.of(actions))) {
            read = i + 1;
            return found;
          }
        }
      }
      Thread.sleep(50);
    }
    if (found != null) {
      assertThat(found.actions()).as(found.text()).contains(actions);
    }
    throw new AssertionError(
        "no message containing “"
            + phrase
            + "” within "
            + WAIT
            + "; seen: "
            + seen().subList(read, seen().size()));
  }

  private static EditCommand select(String id, String points) {
    return new EditCommand.Select(id, CommandGrammar.selection(points));
  }

  @Test
  void theScriptedDialogueReachesEveryoneAlike() throws Exception {
    String id = start(ALICE, "remove the orange ball");
    expect(
        "Kling prompt: Delete the orange ball from <<<video_1>>>",
        Kind.SUBMIT,
        Kind.PREVIEW,
        Kind.CANCEL,
        Kind.EDIT_PROMPT);

    give(ALICE, new EditCommand.Grid(id, 0));
    expect("with a grid", Kind.MARK_CELLS, Kind.UNMARK_CELLS);

    give(ALICE, select(id, "C4 E5"));
    expect("Marked C4 E5 on frame 0", Kind.PREVIEW, Kind.SUBMIT);
    give(ALICE, select(id, "D6 frame:12"));
    expect("Marked D6 on frame 12");
    give(ALICE, new EditCommand.Unselect(id, CommandGrammar.selection("C4")));
    expect("Unmarked C4");

    give(ALICE, new EditCommand.Preview(id));
    expect("Preview of edit " + id, Kind.SUBMIT);

    give(ALICE, new EditCommand.Prompt(id, "delete the orange ball"));
    expect("Edit " + id + " now: Remove “the orange ball”", Kind.SUBMIT);

    press(BOB, ChatAction.button(Kind.SUBMIT, id, "Submit", ChatAction.Style.SUCCESS));
    expect("belongs to alice");
    assertThat(fixture().edits.find(id).orElseThrow().state()).isEqualTo(EditState.PREVIEWED);

    press(ALICE, ChatAction.button(Kind.SUBMIT, id, "Submit", ChatAction.Style.SUCCESS));
    expect("Submitted edit " + id);
    expect("is ready");
    Edit done = fixture().edits.find(id).orElseThrow();
    assertThat(done.state()).isEqualTo(EditState.SUCCEEDED);

    give(ALICE, new EditCommand.Status(id));
    expect("Edit " + id);
    give(ALICE, new EditCommand.History());
    expect("Your recent edits");
    give(ALICE, new EditCommand.Quota());
    expect("Quota: you: 4 of 5 units left today");

    give(BOB, new Admin.QuotaSet("daily", "1"));
    expect("can use the admin commands");
    give(ADA, new Admin.QuotaSet("daily", "1"));
    expect("daily is now 1 for this server");

    start(ALICE, "remove the orange ball");
    expect("the server has 0 units left today (limit 1)");

    if (typeNoCommand(ALICE, "sumbit now please")) {
      expect("Did you mean submit");
    }
  }

  /**
   * After the result: Edit result (a form) starts from Kling's copy of the result, Again repeats an
   * edit as a new charged task, a typed edit of an earlier result works too, and the chain shows in
   * status and history. Then the result is aged: past Kling's 30 days the stored file is relayed
   * instead (whether the bot knows it is too old or Kling refuses the id), and without the file the
   * person is told plainly to upload it again.
   */
  @Test
  void afterTheResultItIsEditedFurtherAndRunAgainAlike() throws Exception {
    String first = start(ALICE, "remove the orange ball");
    expect("Kling prompt: Delete the orange ball from <<<video_1>>>", Kind.SUBMIT);
    give(ALICE, select(first, "C4"));
    expect("Marked C4 on frame 0");
    press(ALICE, ChatAction.button(Kind.SUBMIT, first, "Submit", ChatAction.Style.SUCCESS));
    expect("Submitted edit " + first);
    expect("Your edit " + first + " is ready", Kind.EDIT_RESULT, Kind.AGAIN);
    Edit done = fixture().edits.find(first).orElseThrow();
    fixture().simulator.clearRequests();
    int relayed = fixture().relayedPaths().size();

    // Edit result: a new instruction, from Kling's own copy of the result
    fillForm(
        ALICE,
        ChatAction.button(Kind.EDIT_RESULT, first, "Edit result", ChatAction.Style.PRIMARY),
        "remove the white line");
    expect("from the result of " + first + " — Remove “the white line”", Kind.SUBMIT);
    Edit second = latest(ALICE);
    assertThat(second.id()).isNotEqualTo(first);
    assertThat(second.origin().threadId()).isEqualTo(done.origin().threadId());
    assertThat(initBodies())
        .singleElement()
        .satisfies(
            body ->
                assertThat(body)
                    .contains("\"video_id\":\"" + done.outcome().resultVideoId() + "\"")
                    .doesNotContain("video_url"));
    assertThat(fixture().relayedPaths()).as("nothing fetched from the bot").hasSize(relayed);
    give(ALICE, new EditCommand.Submit(second.id()));
    expect("Submitted edit " + second.id());
    expect("Your edit " + second.id() + " is ready", Kind.EDIT_RESULT, Kind.AGAIN);

    // Again: the same edit as a new task, charged on its own
    press(ALICE, ChatAction.button(Kind.AGAIN, second.id(), "Again", ChatAction.Style.SECONDARY));
    expect(second.id() + " again) — Remove “the white line”");
    Edit third = latest(ALICE);
    expect("Submitted edit " + third.id());
    expect("Your edit " + third.id() + " is ready", Kind.EDIT_RESULT, Kind.AGAIN);
    assertThat(fixture().quota.ledgerState(third.id())).contains("COMMITTED");

    // the chain in status and history
    give(ALICE, new EditCommand.Status(second.id()));
    Seen status = expect("Made from it: " + third.id() + " again (succeeded)");
    assertThat(status.text()).contains("Edit " + second.id() + " from the result of " + first);
    give(ALICE, new EditCommand.History());
    expect(second.id() + " again");

    // past Kling's 30 days, the bot knows it: the stored result is relayed like any upload
    age(third.id(), java.time.Duration.ofDays(31), null);
    fixture().simulator.clearRequests();
    give(
        ALICE,
        new EditCommand.Start(
            new MediaSource.Result(third.id()), "remove the cone", null, null, null));
    expect("from the result of " + third.id() + " — Remove “the cone”", Kind.SUBMIT);
    assertThat(initBodies()).singleElement().satisfies(b -> assertThat(b).contains("video_url"));

    // Kling refuses the id (it no longer has the video): the stored file again
    age(second.id(), java.time.Duration.ZERO, "no-such-video");
    fixture().simulator.clearRequests();
    give(
        ALICE,
        new EditCommand.Start(
            new MediaSource.Result(second.id()), "remove the cone", null, null, null));
    expect("Kling no longer had the result of " + second.id());
    assertThat(initBodies()).hasSize(2);

    // without the file, the person is told to upload it again
    Files.delete(Path.of(fixture().edits.find(first).orElseThrow().outcome().resultFile()));
    age(first, java.time.Duration.ofDays(31), null);
    give(
        ALICE,
        new EditCommand.Start(new MediaSource.Result(first), "remove the cone", null, null, null));
    expect("is too old to edit further");
  }

  private Edit latest(Person who) {
    Edit newest = null;
    for (Edit edit : fixture().edits.searchIds(platformOf(who), serverOf(who), null, "", 50)) {
      if (newest == null || edit.createdAt().isAfter(newest.createdAt())) {
        newest = edit;
      }
    }
    return newest;
  }

  /** The platform the front-end's edits are stored under. */
  protected abstract dev.klingbot.core.Platform platformOf(Person who);

  /** The server the front-end's edits are stored under. */
  protected abstract String serverOf(Person who);

  /**
   * Makes an edit's result look older to the bot, or gives it a Kling video id Kling does not know.
   */
  private void age(String editId, java.time.Duration by, String videoId) {
    Edit edit = fixture().edits.find(editId).orElseThrow();
    var outcome = edit.outcome();
    fixture()
        .edits
        .update(
            edit.withOutcome(
                new dev.klingbot.core.edit.Outcome(
                    outcome.resultUrl(),
                    outcome.resultFile(),
                    outcome.failureReason(),
                    outcome.finishedAt().minus(by),
                    outcome.deliveryStartedAt(),
                    outcome.deliveredAt(),
                    videoId == null ? outcome.resultVideoId() : videoId)),
            java.time.Instant.now(),
            null,
            null);
  }

  private List<String> initBodies() {
    return fixture().simulator.requests().stream()
        .filter(r -> r.path().endsWith("/init-selection"))
        .map(RecordedRequest::body)
        .toList();
  }
}
