package dev.klingbot.app.console;

import dev.klingbot.core.Platform;
import dev.klingbot.core.admin.AdminService;
import dev.klingbot.core.chat.ChatAction;
import dev.klingbot.core.chat.ChatAction.Kind;
import dev.klingbot.core.conversation.CommandGrammar;
import dev.klingbot.core.conversation.ConversationHandler;
import dev.klingbot.core.conversation.EditCommand;
import dev.klingbot.core.testing.ConversationContract;
import dev.klingbot.core.testing.WorkflowFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;

/** The scripted dialogue typed in the console, read back from what the terminal printed. */
class ConsoleContractTest extends ConversationContract {
  private static final Map<String, Kind> COMMANDS =
      Map.ofEntries(
          Map.entry("grid", Kind.SELECT_AREA),
          Map.entry("preview", Kind.PREVIEW),
          Map.entry("submit", Kind.SUBMIT),
          Map.entry("cancel", Kind.CANCEL),
          Map.entry("prompt <new instruction>", Kind.EDIT_PROMPT),
          Map.entry("conform", Kind.CONFORM),
          Map.entry("clear", Kind.CLEAR_SELECTION),
          Map.entry("select <cells>", Kind.MARK_CELLS),
          Map.entry("unselect <cells>", Kind.UNMARK_CELLS),
          Map.entry("yes", Kind.ACCEPT_SUGGESTION),
          Map.entry("again", Kind.AGAIN));

  private final WorkflowFixture fixture = WorkflowFixture.quick();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ConsoleChat chat =
      new ConsoleChat(new PrintStream(out, true, StandardCharsets.UTF_8));
  private final ConversationHandler conversation;
  private final Map<String, ConsoleSession> sessions = new HashMap<>();

  ConsoleContractTest() {
    fixture.chats.register(chat);
    AdminService admin = fixture.admin();
    conversation = fixture.conversation();
    fixture.workflow().runner().follow(Platform.CONSOLE).start();
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  private ConsoleSession session(Person who) {
    return sessions.computeIfAbsent(
        who.name(),
        name ->
            new ConsoleSession(
                conversation, fixture.workflow().service(), chat, name, who.admin()));
  }

  @Override
  protected String start(Person who, String instruction) {
    var clip = fixture.sampleFile(1280, 720, 30, 5);
    session(who).handle("edit " + clip.path() + " " + instruction);
    return fixture.edits.recentByUser(Platform.CONSOLE, "local", who.name(), 1).get(0).id();
  }

  @Override
  protected void give(Person who, EditCommand command) {
    session(who).handle(CommandGrammar.format(command));
  }

  @Override
  protected void press(Person who, ChatAction button) {
    // The console has no buttons: it shows the command that does the same.
    session(who).handle(ConsoleChat.command(button) + " " + button.editId());
  }

  @Override
  protected void fillForm(Person who, ChatAction button, String value) {
    // no forms: the command the button names, with the value typed after it
    session(who)
        .handle(ConsoleChat.command(button).replace("<instruction>", "").strip() + " " + value);
  }

  @Override
  protected Platform platformOf(Person who) {
    return Platform.CONSOLE;
  }

  @Override
  protected String serverOf(Person who) {
    return "local";
  }

  @Override
  protected boolean typeNoCommand(Person who, String line) {
    session(who).handle(line);
    return true;
  }

  @Override
  protected List<Seen> seen() {
    String printed = out.toString(StandardCharsets.UTF_8);
    List<Seen> messages = new ArrayList<>();
    StringBuilder text = null;
    Set<Kind> actions = new HashSet<>();
    for (String line : printed.split("\n")) {
      boolean first = line.startsWith("bot> ") || line.startsWith("bot ↻ ");
      if (first || !line.startsWith("     ")) {
        if (text != null) {
          messages.add(new Seen(text.toString(), actions));
        }
        text = first ? new StringBuilder(line.substring(line.indexOf(' ', 3) + 1)) : null;
        actions = new HashSet<>();
        continue;
      }
      if (text == null) {
        continue;
      }
      String rest = line.strip();
      if (rest.startsWith("⌨️  next: ")) {
        for (String command : rest.substring("⌨️  next: ".length()).split(" · ")) {
          Kind kind =
              command.strip().startsWith("edit ") && command.strip().endsWith(" <instruction>")
                  ? Kind.EDIT_RESULT
                  : COMMANDS.get(command.strip());
          if (kind != null) {
            actions.add(kind);
          }
        }
      } else {
        text.append('\n').append(rest);
      }
    }
    if (text != null) {
      messages.add(new Seen(text.toString(), actions));
    }
    return messages;
  }

  @Override
  protected WorkflowFixture fixture() {
    return fixture;
  }
}
