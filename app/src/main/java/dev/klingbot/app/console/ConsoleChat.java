package dev.klingbot.app.console;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Platform;
import dev.klingbot.core.chat.ChatAction;
import dev.klingbot.core.chat.ChatFile;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.chat.ChatPort;
import dev.klingbot.core.chat.Conversation;
import dev.klingbot.core.chat.MessageRef;
import dev.klingbot.core.conversation.CommandSyntax;
import dev.klingbot.core.i18n.Messages;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The terminal as a chat platform: messages are printed, images and videos the bot would upload
 * stay in the edit's folder and their paths are printed, buttons are shown with the command that
 * does the same. A progress message that is "edited" prints its new text once, marked with ↻.
 */
public final class ConsoleChat implements ChatPort {
  private final PrintStream out;
  private final Path workingDirectory;
  private final AtomicLong ids = new AtomicLong();
  private final Map<String, String> lastText = new ConcurrentHashMap<>();
  private final List<Consumer<ChatMessage>> listeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile Consumer<String> printer;

  public ConsoleChat(PrintStream out) {
    this.out = requireNonNull(out, "out is null");
    this.workingDirectory = Path.of("").toAbsolutePath();
    this.printer = this::println;
  }

  /**
   * Sends what the bot says to {@code printer} instead of the stream: with a line editor, a message
   * that arrives while the user types is printed above the prompt, which is redrawn.
   */
  public void printVia(Consumer<String> newPrinter) {
    this.printer = requireNonNull(newPrinter, "printer is null");
  }

  /** Calls {@code listener} with every message posted (the one-shot CLI waits for results). */
  public void onPost(Consumer<ChatMessage> listener) {
    listeners.add(listener);
  }

  @Override
  public Platform platform() {
    return Platform.CONSOLE;
  }

  @Override
  public MessageRef post(Conversation where, ChatMessage message) {
    String id = "m" + ids.incrementAndGet();
    lastText.put(id, message.text());
    print(render(message, "bot> "));
    listeners.forEach(listener -> listener.accept(message));
    return new MessageRef(where, id);
  }

  @Override
  public void edit(MessageRef message, ChatMessage replacement) {
    String previous = lastText.put(message.id(), replacement.text());
    if (!replacement.text().equals(previous)) {
      print(render(replacement, "bot ↻ "));
    }
  }

  /** The console remembers what it printed in this process; a result is found by its text. */
  @Override
  public Optional<MessageRef> findRecent(Conversation where, String marker, Instant since) {
    return lastText.entrySet().stream()
        .filter(entry -> entry.getValue().contains(marker))
        .map(entry -> new MessageRef(where, entry.getKey()))
        .findFirst();
  }

  @Override
  public long uploadLimitBytes(Conversation where) {
    return Long.MAX_VALUE;
  }

  @Override
  public CommandSyntax syntax() {
    return SYNTAX;
  }

  /** The console's syntax: typed commands, and buttons named by the command that does the same. */
  static final CommandSyntax SYNTAX =
      new CommandSyntax() {
        @Override
        public String show(dev.klingbot.core.conversation.EditCommand command) {
          return CommandSyntax.typed(any -> "").apply(command);
        }

        @Override
        public String admins() {
          return Messages.text("console.syntax.admins");
        }

        @Override
        public String howToStart() {
          return Messages.text("console.syntax.how-to-start");
        }

        @Override
        public List<String> extraHelp() {
          return List.of(
              Messages.text("console.help.attach"),
              Messages.text("console.help.use"),
              Messages.text("console.help.wait"),
              Messages.text("console.help.quit"));
        }

        @Override
        public String press(ChatAction.Kind kind, String label) {
          return switch (kind) {
            case OPEN_EDITOR -> Messages.text("console.press.open-editor");
            case OPEN_LINK -> Messages.text("console.press.open-link");
            default ->
                Messages.text(
                    "console.press.type",
                    command(ChatAction.button(kind, "", label, ChatAction.Style.SECONDARY)));
          };
        }
      };

  /** Prints a reply to a command (not a post into a conversation). */
  public void show(ChatMessage message) {
    print(render(message, "bot> "));
  }

  public void info(String text) {
    print(text);
  }

  /**
   * Prints nothing more: after the goodbye, a progress message that the job runner posts while the
   * console shuts down would stand below "Bye" (the edit goes on the next time the bot starts).
   */
  public void closeOutput() {
    printVia(ignored -> {});
  }

  private synchronized void print(String text) {
    printer.accept(text);
  }

  private void println(String text) {
    out.println(text);
    out.flush();
  }

  /** The text a message shows as in the terminal. */
  String render(ChatMessage message, String prefix) {
    StringBuilder text = new StringBuilder();
    String body = plainText(message.text());
    String[] lines = body.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      text.append(i == 0 ? prefix : " ".repeat(prefix.length())).append(lines[i]).append('\n');
    }
    String indent = " ".repeat(prefix.length());
    for (ChatFile file : message.files()) {
      text.append(indent)
          .append("📎 ")
          .append(file.description().isEmpty() ? file.name() : file.description())
          .append(": ")
          .append(display(file.path()))
          .append('\n');
    }
    List<String> buttons = new ArrayList<>();
    for (ChatAction action : message.actions()) {
      if (action.url() != null) {
        text.append(indent)
            .append("🔗 ")
            .append(action.label())
            .append(": ")
            .append(action.url())
            .append('\n');
      } else {
        buttons.add(command(action));
      }
    }
    if (!buttons.isEmpty()) {
      text.append(indent)
          .append(Messages.text("console.next", String.join(" · ", buttons)))
          .append('\n');
    }
    return text.toString().stripTrailing();
  }

  private String display(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    return absolute.startsWith(workingDirectory)
        ? workingDirectory.relativize(absolute).toString()
        : absolute.toString();
  }

  /** The console command that does what a button does. */
  static String command(ChatAction action) {
    return switch (action.kind()) {
      case SELECT_AREA -> "grid";
      case PREVIEW -> "preview";
      case SUBMIT -> "submit";
      case CANCEL -> "cancel";
      case EDIT_PROMPT -> "prompt <new instruction>";
      case CONFORM -> "conform";
      case CLEAR_SELECTION -> "clear";
      case MARK_CELLS -> "select <cells>";
      case UNMARK_CELLS -> "unselect <cells>";
      case ACCEPT_SUGGESTION -> "yes";
      case EDIT_RESULT ->
          "edit "
              + (action.editId() == null || action.editId().isBlank()
                  ? "<edit-id>"
                  : action.editId())
              + " <instruction>";
      case AGAIN -> "again";
      default -> action.label();
    };
  }

  /** Markdown markers removed, for plain text output. */
  public static String plainText(String markdown) {
    return ChatMessage.plain(markdown);
  }
}
