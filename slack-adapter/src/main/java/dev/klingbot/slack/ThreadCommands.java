package dev.klingbot.slack;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Platform;
import dev.klingbot.core.Requester;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.workflow.EditException;
import dev.klingbot.core.workflow.EditService;
import dev.klingbot.core.workflow.Reply;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Replies typed in an edit's thread: {@code select C4 D4}, {@code unselect C4}, {@code clear},
 * {@code grid [frame]}, {@code preview}, {@code prompt <text>}, {@code submit}, {@code cancel},
 * {@code status}, {@code conform}, {@code help}. Anything else in the thread is conversation
 * between people and is left alone.
 */
final class ThreadCommands {
  static final String HELP =
      "In an edit's thread, reply with:\n"
          + "- `select C4 D4` — mark the element by grid cells (`frame:N` for another frame, or"
          + " fractions like `select 0.42,0.55`); `unselect C4`; `clear` unmarks everything\n"
          + "- `grid` or `grid 30` — the frame (or frame 30) with the labelled grid\n"
          + "- `preview` — Kling tracks the selection through the video\n"
          + "- `prompt <new instruction>` — change what to do (or write the Kling prompt with"
          + " <<<video_1>>>)\n"
          + "- `submit` · `cancel` · `status` · `conform` (fix a video that breaks Kling's rules)";

  private static final Set<String> COMMANDS =
      Set.of(
          "select",
          "unselect",
          "clear",
          "grid",
          "preview",
          "prompt",
          "submit",
          "cancel",
          "status",
          "conform",
          "help");

  private final EditService edits;
  private final UserDirectory users;
  private final Responder responder;

  ThreadCommands(EditService edits, UserDirectory users, Responder responder) {
    this.edits = requireNonNull(edits, "edits is null");
    this.users = requireNonNull(users, "users is null");
    this.responder = requireNonNull(responder, "responder is null");
  }

  /** Whether the text starts with one of the thread commands. */
  static boolean isCommand(String text) {
    return COMMANDS.contains(firstWord(text));
  }

  /** The button that opens the "type cells" modal, shown under a grid frame. */
  static BlockKit.Button typeCellsButton(String editId) {
    return new BlockKit.Button(ButtonActions.TYPE_CELLS + editId, "Type cells…", editId);
  }

  /**
   * Runs a command typed in an edit's thread.
   *
   * @return false when the thread belongs to no edit (the message is not for the bot)
   */
  boolean run(String teamId, String channelId, String threadTs, String userId, String text) {
    Requester plain =
        new Requester(Platform.SLACK, teamId, channelId, threadTs, userId, userId, false);
    Edit edit;
    try {
      edit = edits.current(plain);
    } catch (EditException e) {
      return false;
    }
    if (!threadTs.equals(edit.origin().threadId())) {
      return false;
    }
    Requester who = users.requester(teamId, channelId, threadTs, userId);
    responder.guarded(
        "Thread command " + firstWord(text) + " on " + edit.id(),
        responder.ephemeral(who),
        () -> execute(who, edit, text));
    return true;
  }

  private void execute(Requester who, Edit edit, String text) {
    String command = firstWord(text);
    String rest = rest(text);
    String id = edit.id();
    switch (command) {
      case "select" -> {
        if (rest.isEmpty() || rest.equalsIgnoreCase("area")) {
          grid(who, id, 0);
        } else {
          responder.show(who, edits.select(who, id, rest));
        }
      }
      case "unselect" -> responder.show(who, edits.unselect(who, id, rest));
      case "clear" -> responder.show(who, edits.clearSelection(who, id));
      case "grid" -> grid(who, id, frame(rest));
      case "preview" -> responder.show(who, edits.preview(who, id));
      case "prompt" -> {
        if (rest.isEmpty()) {
          throw new EditException(
              EditException.Kind.INSTRUCTION,
              "Write the new instruction after `prompt`, e.g. `prompt remove the blue car`.");
        }
        responder.show(who, edits.updatePrompt(who, id, rest));
      }
      case "submit" -> responder.show(who, edits.submit(who, id));
      case "cancel" -> responder.show(who, edits.cancel(who, id));
      case "status" -> responder.show(who, edits.status(who, id));
      case "conform" -> responder.show(who, edits.conform(who, id));
      default -> responder.ephemeral(who).tell(HELP);
    }
  }

  private void grid(Requester who, String editId, int frame) {
    Reply grid = edits.gridFrame(who, editId, frame);
    responder.show(who, grid, List.of(typeCellsButton(editId)));
  }

  private static int frame(String rest) {
    String digits = rest.replaceAll("\\D", "");
    if (digits.isEmpty()) {
      return 0;
    }
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new EditException(
          EditException.Kind.SELECTION, "Give a frame number, e.g. `grid 12`.", e);
    }
  }

  static String firstWord(String text) {
    String trimmed = text == null ? "" : text.strip();
    String[] words = trimmed.split("\\s+", 2);
    return words[0].toLowerCase(Locale.ROOT);
  }

  static String rest(String text) {
    String[] words = (text == null ? "" : text.strip()).split("\\s+", 2);
    return words.length > 1 ? words[1].strip() : "";
  }
}
