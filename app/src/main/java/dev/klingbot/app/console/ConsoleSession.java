package dev.klingbot.app.console;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Platform;
import dev.klingbot.core.Requester;
import dev.klingbot.core.chat.ChatAction;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.conversation.Actor;
import dev.klingbot.core.conversation.CommandGrammar;
import dev.klingbot.core.conversation.ConversationHandler;
import dev.klingbot.core.conversation.EditCommand;
import dev.klingbot.core.conversation.Replies;
import dev.klingbot.core.conversation.Words;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.workflow.EditException;
import dev.klingbot.core.workflow.EditService;
import dev.klingbot.core.workflow.MediaSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The terminal as a front-end: each line is read with the core's {@link CommandGrammar} and carried
 * out by the {@link ConversationHandler}, like Discord's and Slack's commands. Only what a terminal
 * needs on its own lives here: the current edit (the last one started, or chosen with {@code use},
 * so most commands need no edit id), {@code attach}, {@code wait} and {@code quit}.
 */
public final class ConsoleSession {
  private final ConversationHandler conversation;
  private final EditService edits;
  private final ConsoleChat chat;
  private final Requester requester;
  private final List<MediaSource> attached = new ArrayList<>();
  private final Replies replies;
  private String current;
  private String suggestion;
  private final AtomicBoolean stopWaiting = new AtomicBoolean();

  /** The console user, an admin of the console's server {@code local}. */
  public ConsoleSession(
      ConversationHandler conversation, EditService edits, ConsoleChat chat, String userName) {
    this(conversation, edits, chat, userName, true);
  }

  ConsoleSession(
      ConversationHandler conversation,
      EditService edits,
      ConsoleChat chat,
      String userName,
      boolean admin) {
    this.conversation = requireNonNull(conversation, "conversation is null");
    this.edits = requireNonNull(edits, "edits is null");
    this.chat = requireNonNull(chat, "chat is null");
    this.requester =
        new Requester(Platform.CONSOLE, "local", "console", null, userName, userName, admin, null);
    this.replies =
        new Replies() {
          @Override
          public void privately(ChatMessage message) {
            message.actions().stream()
                .filter(action -> action.kind() == ChatAction.Kind.ACCEPT_SUGGESTION)
                .findFirst()
                .ifPresent(action -> suggestion = action.editId());
            chat.show(message);
          }

          @Override
          public void working(String text) {
            chat.info("bot> " + ConsoleChat.plainText(text));
          }
        };
  }

  static String welcome() {
    return Messages.text("console.welcome");
  }

  static String goodbye() {
    return Messages.text("console.goodbye");
  }

  static String cancelledLine() {
    return Messages.text("console.cancelled-line");
  }

  /** The language to speak now: the server's (`admin language set`) or the configured one. */
  private Messages.Scope speak() {
    return Messages.use(conversation.language(requester));
  }

  /**
   * Reads commands until {@code quit} or the end of input: scripted input (a pipe, a file, tests),
   * no line editing; each line is echoed after {@code you>} so the output reads as a conversation.
   */
  public void run(BufferedReader in) {
    converse(
        () -> {
          try {
            return in.readLine();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        true);
  }

  /**
   * Reads commands with a line editor (history, editing) until {@code quit}, Ctrl-D, or Ctrl-C
   * twice in a row; one Ctrl-C cancels the line being typed. What the bot says meanwhile is printed
   * above the prompt, which is redrawn with what the user has typed so far.
   */
  public void run(LineReader reader) {
    chat.printVia(reader::printAbove);
    // Ctrl-C while a command runs stops a `wait`, not the console (while a line is read, the
    // reader handles Ctrl-C itself and puts this handler back afterwards)
    reader.getTerminal().handle(Terminal.Signal.INT, signal -> stopWaiting.set(true));
    AtomicBoolean interruptedOnce = new AtomicBoolean();
    converse(
        () -> {
          while (true) {
            try {
              String line = reader.readLine("you> ");
              interruptedOnce.set(false);
              return line;
            } catch (UserInterruptException e) {
              if (interruptedOnce.getAndSet(true)) {
                return null;
              }
              try (Messages.Scope lang = speak()) {
                chat.info(cancelledLine());
              }
            } catch (EndOfFileException e) {
              return null;
            }
          }
        },
        false);
  }

  /** The conversation: welcome, the lines until one asks to leave or there are none, goodbye. */
  private void converse(Supplier<String> lines, boolean echo) {
    try (Messages.Scope lang = speak()) {
      chat.info(welcome());
    }
    String line = lines.get();
    while (line != null && processInLanguage(line, echo)) {
      line = lines.get();
    }
    try (Messages.Scope lang = speak()) {
      chat.info(goodbye());
    }
    chat.closeOutput();
  }

  private boolean processInLanguage(String line, boolean echo) {
    try (Messages.Scope lang = speak()) {
      return process(line, echo);
    }
  }

  /** One typed line; false when it asks to leave. */
  private boolean process(String typed, boolean echo) {
    String line = typed.strip();
    if (line.isEmpty() || line.startsWith("#")) {
      return true;
    }
    if (echo) {
      chat.info("you> " + line);
    }
    if (line.equalsIgnoreCase("quit") || line.equalsIgnoreCase("exit")) {
      return false;
    }
    handle(line);
    return true;
  }

  /** Runs one command line and prints what it answers. */
  public void handle(String line) {
    String word = line.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    String rest =
        line.strip().length() > word.length() ? line.strip().substring(word.length()).strip() : "";
    try {
      switch (word) {
        case "attach" -> attach(rest);
        case "use" -> use(rest);
        case "wait" -> waitForResult(rest);
        case "yes", "y" -> accept();
        default -> command(line);
      }
    } catch (EditException e) {
      chat.info("bot> ⚠️ " + ConsoleChat.plainText(e.getMessage()));
    }
  }

  private void command(String line) {
    EditCommand command = withCurrent(CommandGrammar.read(line));
    Optional<Edit> acted = conversation.handle(Actor.of(requester), command, replies);
    if (command instanceof EditCommand.Start) {
      attached.clear();
    }
    acted
        .filter(
            edit ->
                edit.state() != EditState.CANCELLED
                    || command instanceof EditCommand.Start
                    || command instanceof EditCommand.Again)
        .ifPresent(edit -> current = edit.id());
  }

  /** The console's current edit stands in for a missing edit id; attached images join an edit. */
  private EditCommand withCurrent(EditCommand command) {
    if (!(command instanceof EditCommand.Start start)) {
      return command.about(current);
    }
    List<MediaSource> images = new ArrayList<>(attached);
    images.addAll(start.images());
    MediaSource video =
        start.video() instanceof MediaSource.Result result
                && result.editId() == null
                && current != null
            ? new MediaSource.Result(current)
            : start.video();
    return new EditCommand.Start(
        video, start.instruction(), images, start.mode(), start.negativePrompt());
  }

  /** Yes to the close reading offered for the last refused instruction. */
  private void accept() {
    if (suggestion == null) {
      chat.info("bot> " + Messages.text("console.no-suggestion"));
      return;
    }
    String token = suggestion;
    suggestion = null;
    EditCommand command = new EditCommand.AcceptSuggestion(token);
    conversation
        .handle(Actor.of(requester), command, replies)
        .ifPresent(edit -> current = edit.id());
  }

  private void attach(String rest) {
    List<String> words = Words.split(rest);
    if (words.isEmpty()) {
      chat.info("bot> " + Messages.text("console.attach.missing"));
      return;
    }
    attached.add(MediaSource.parse(words.get(0)));
    chat.info("bot> " + Messages.text("console.attach.added", attached.size()));
  }

  private void use(String rest) {
    if (rest.isEmpty()) {
      chat.info("bot> " + Messages.text("console.use.missing"));
      return;
    }
    Edit edit = edits.find(requester, rest);
    current = edit.id();
    chat.info("bot> " + Messages.text("console.use.now", edit.id(), edit.state().text()));
  }

  private void waitForResult(String rest) {
    String id = currentOrRefuse();
    String digits = rest.replaceAll("\\D", "");
    long seconds =
        digits.isEmpty() ? 600 : Long.parseLong(digits.substring(0, Math.min(6, digits.length())));
    Instant deadline = Instant.now().plus(Duration.ofSeconds(seconds));
    stopWaiting.set(false);
    while (Instant.now().isBefore(deadline)) {
      if (stopWaiting.getAndSet(false)) {
        chat.info("bot> " + Messages.text("console.wait.stopped", id));
        return;
      }
      Edit edit = edits.find(requester, id);
      if (edit.state().isFinal() && edit.outcome().deliveredAt() != null) {
        return;
      }
      if (edit.state().isFinal() && edit.state() != EditState.SUCCEEDED) {
        return;
      }
      if (edit.state().isBeforeSubmit()) {
        chat.info("bot> " + Messages.text("console.wait.not-submitted", id));
        return;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    chat.info("bot> " + Messages.text("console.wait.timeout", String.valueOf(seconds)));
  }

  private String currentOrRefuse() {
    if (current == null) {
      throw new EditException(
          EditException.Kind.NOT_FOUND, Messages.text("console.no-current-edit"));
    }
    return current;
  }
}
