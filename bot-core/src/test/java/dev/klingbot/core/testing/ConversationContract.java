package dev.klingbot.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.chat.ChatAction;
import dev.klingbot.core.chat.ChatAction.Kind;
import dev.klingbot.core.conversation.CommandGrammar;
import dev.klingbot.core.conversation.EditCommand;
import dev.klingbot.core.conversation.EditCommand.Admin;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditState;
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
}
