package dev.klingbot.app.console;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Platform;
import dev.klingbot.core.Requester;
import dev.klingbot.core.admin.AdminCommands;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.workflow.EditException;
import dev.klingbot.core.workflow.EditService;
import dev.klingbot.core.workflow.MediaSource;
import dev.klingbot.core.workflow.Reply;
import dev.klingbot.core.workflow.StartEdit;
import dev.klingbot.kling.TaskMode;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A terminal conversation with the bot, like Hubot's shell: the same {@link EditService} calls the
 * Discord and Slack adapters make, typed as commands. The current edit is the last one started (or
 * chosen with {@code use}), so most commands need no edit id.
 */
public final class ConsoleSession {
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleSession.class);

  static final String HELP =
      """
      Commands (the current edit is the last one you started; add an edit id to pick another):
        edit <file|url> <instruction>   start an edit, e.g.  edit clip.mp4 remove the man in the red jacket
             options before the instruction: --image <file|url> (up to 2), --pro, --negative "<text>"
        attach <file|url>               add a reference image to the next edit (or use --image)
        conform                         fix a video that breaks Kling's rules (after you are offered it)
        grid [frame]                    the frame with a labelled grid (columns A-J, rows 1-10)
        select C4 D4 [frame:N]          mark the element by grid cells, or  select 0.42,0.55
        unselect C4 [frame:N]           unmark points;  clear  unmarks everything
        preview                         Kling tracks the selection through the video
        prompt <instruction>            change the instruction (or write the Kling prompt with <<<video_1>>>)
        submit                          send the edit to Kling (uses quota)
        status [id] · history · quota · use <id> · cancel [id]
        wait [seconds]                  wait until the current edit has finished and its result is posted
        admin <command>                 admin commands, see  admin help
        help · quit""";

  private final EditService service;
  private final AdminCommands admin;
  private final ConsoleChat chat;
  private final Requester requester;
  private final List<MediaSource> attached = new ArrayList<>();
  private String current;

  public ConsoleSession(
      EditService service, AdminCommands admin, ConsoleChat chat, String userName) {
    this.service = requireNonNull(service, "service is null");
    this.admin = requireNonNull(admin, "admin is null");
    this.chat = requireNonNull(chat, "chat is null");
    this.requester =
        new Requester(Platform.CONSOLE, "local", "console", null, userName, userName, true);
  }

  /** Reads commands until {@code quit} or the end of input. */
  public void run(BufferedReader in, boolean interactive) throws IOException {
    chat.info("Kling Edit Bot console. Type `help` for commands, `quit` to leave.");
    while (true) {
      if (interactive) {
        System.out.print("you> ");
        System.out.flush();
      }
      String line = in.readLine();
      if (line == null) {
        break;
      }
      line = line.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (!interactive) {
        chat.info("you> " + line);
      }
      if (line.equalsIgnoreCase("quit") || line.equalsIgnoreCase("exit")) {
        break;
      }
      handle(line);
    }
    chat.info("Bye. Edits still running are picked up again the next time the bot starts.");
  }

  /** Runs one command line and prints what it answers. */
  public void handle(String line) {
    String[] words = line.split("\\s+", 2);
    String command = words[0].toLowerCase(Locale.ROOT);
    String rest = words.length > 1 ? words[1].strip() : "";
    try {
      switch (command) {
        case "help", "?" -> chat.info(HELP);
        case "edit" -> start(rest);
        case "attach" -> attach(rest);
        case "conform" -> show(service.conform(requester, target(rest)));
        case "grid", "area", "select-area" -> grid(rest);
        case "select" -> show(service.select(requester, idOrCurrent(null), rest));
        case "unselect" -> show(service.unselect(requester, idOrCurrent(null), rest));
        case "clear" -> show(service.clearSelection(requester, target(rest)));
        case "preview" -> show(service.preview(requester, target(rest)));
        case "prompt" -> show(service.updatePrompt(requester, idOrCurrent(null), rest));
        case "submit" -> show(service.submit(requester, target(rest)));
        case "cancel" -> show(service.cancel(requester, target(rest)));
        case "status" -> show(service.status(requester, rest.isEmpty() ? current : rest));
        case "history" -> show(service.history(requester, 10));
        case "quota" -> show(service.quota(requester));
        case "use" -> use(rest);
        case "wait" -> waitForResult(rest);
        case "admin" -> show(admin.run(requester, rest));
        default ->
            chat.info("bot> ⚠️ I don't know “" + command + "”. Type `help` for the commands.");
      }
    } catch (EditException e) {
      chat.info("bot> ⚠️ " + ConsoleChat.plainText(e.getMessage()));
    } catch (RuntimeException e) {
      LOG.error("Console command failed: {}", line, e);
      chat.info(
          "bot> ⚠️ Something went wrong on my side ("
              + e.getClass().getSimpleName()
              + "). The details are in the log.");
    }
  }

  private void start(String rest) {
    Words words = new Words(rest);
    List<MediaSource> images = new ArrayList<>(attached);
    TaskMode mode = TaskMode.STD;
    String negative = null;
    MediaSource video = null;
    while (words.peek() != null) {
      String word = words.peek();
      if (word.equals("--image") || word.equals("-i")) {
        words.next();
        String image = words.next();
        if (image != null) {
          images.add(MediaSource.parse(image));
        }
      } else if (word.equals("--pro")) {
        words.next();
        mode = TaskMode.PRO;
      } else if (word.equals("--negative")) {
        words.next();
        negative = words.next();
      } else if (video == null) {
        video = MediaSource.parse(words.next());
      } else {
        break;
      }
    }
    String instruction = words.rest();
    if (video == null || instruction.isEmpty()) {
      chat.info(
          "bot> ⚠️ Give a video and an instruction, e.g. `edit clip.mp4 remove the man in the red jacket` (add `--image hat.png` for a reference image).");
      return;
    }
    chat.info("bot> Checking the video…");
    Reply reply =
        service.start(requester, new StartEdit(video, instruction, images, mode, negative));
    attached.clear();
    current = reply.edit().id();
    show(reply);
  }

  private void attach(String rest) {
    if (rest.isEmpty()) {
      chat.info("bot> ⚠️ Give the image, e.g. `attach hat.png`.");
      return;
    }
    attached.add(MediaSource.parse(Words.split(rest).get(0)));
    chat.info(
        "bot> 📎 "
            + attached.size()
            + " image"
            + (attached.size() == 1 ? "" : "s")
            + " will go with your next `edit` (image 1 is <<<image_1>>>).");
  }

  private void grid(String rest) {
    int frame = 0;
    if (!rest.isEmpty()) {
      try {
        frame = Integer.parseInt(rest.replaceAll("\\D", ""));
      } catch (NumberFormatException e) {
        chat.info("bot> ⚠️ Give a frame number, e.g. `grid 12`.");
        return;
      }
    }
    show(service.gridFrame(requester, idOrCurrent(null), frame));
  }

  private void use(String rest) {
    Edit edit = service.find(requester, rest);
    current = edit.id();
    chat.info("bot> Now working on edit " + edit.id() + " (" + edit.state().label() + ").");
  }

  private void waitForResult(String rest) {
    String id = idOrCurrent(null);
    long seconds = rest.isEmpty() ? 600 : Long.parseLong(rest.replaceAll("\\D", ""));
    Instant deadline = Instant.now().plus(Duration.ofSeconds(seconds));
    while (Instant.now().isBefore(deadline)) {
      Edit edit = service.find(requester, id);
      if (edit.state().isFinal() && edit.outcome().deliveredAt() != null) {
        return;
      }
      if (edit.state().isBeforeSubmit()) {
        chat.info("bot> ⚠️ Edit " + id + " is not submitted yet; `submit` it first.");
        return;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    chat.info("bot> ⌛ Still not finished after " + seconds + " s; `status` shows where it is.");
  }

  private String target(String rest) {
    return idOrCurrent(rest.isEmpty() ? null : rest);
  }

  private String idOrCurrent(String id) {
    if (id != null) {
      return id;
    }
    if (current == null) {
      throw new EditException(
          EditException.Kind.NOT_FOUND,
          "There is no current edit. Start one with `edit <file> <instruction>`, or pick one with `use <id>`.");
    }
    return current;
  }

  private void show(Reply reply) {
    for (ChatMessage message : reply.messages()) {
      chat.show(message);
    }
    if (reply.edit() != null && reply.edit().state() != EditState.CANCELLED) {
      current = reply.edit().id();
    }
  }
}
