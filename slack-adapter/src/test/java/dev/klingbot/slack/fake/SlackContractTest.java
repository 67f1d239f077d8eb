package dev.klingbot.slack.fake;

import dev.klingbot.core.Platform;
import dev.klingbot.core.chat.ChatAction;
import dev.klingbot.core.conversation.CommandGrammar;
import dev.klingbot.core.conversation.EditCommand;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.testing.ConversationContract;
import dev.klingbot.core.testing.WorkflowFixture;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;

/**
 * The scripted dialogue on Slack through real Bolt (HTTP mode, signed requests): an edit starts
 * with a mention and a file, edit commands are replies in its thread, the others follow {@code
 * /kling}; what people saw is read back from the Web API calls the bot made.
 */
class SlackContractTest extends ConversationContract {
  private static final Pattern ACTION = Pattern.compile("\"action_id\":\"([a-z-]+):[A-Za-z0-9]*\"");
  private static final Set<String> SEEN_METHODS =
      Set.of(
          "chat.postMessage",
          "chat.update",
          "chat.postEphemeral",
          "respond",
          "files.completeUploadExternal");

  private final WireWorld world = new WireWorld(WireBot.Mode.HTTP, true);
  private final WorkflowFixture fixture = world.fixture;
  private final FakeSlack slack = world.slack;
  private final WireBot bot = world.bot;
  private final AtomicLong ts = new AtomicLong(1_700_000_000_000_100L);
  private final Map<String, String> threads = new HashMap<>();

  SlackContractTest() {
    for (Person person : List.of(ALICE, BOB, ADA)) {
      slack.user(person.id(), person.name(), person.admin());
    }
  }

  @AfterEach
  void close() {
    world.close();
  }

  private String nextTs() {
    long micros = ts.addAndGet(100);
    return (micros / 1_000_000) + "." + String.format("%06d", micros % 1_000_000);
  }

  @Override
  protected String start(Person who, String instruction) throws Exception {
    var clip = fixture.sampleFile(1280, 720, 30, 5);
    String mention = nextTs();
    int before = slack.calls().size();
    bot.event(
        SlackPayloads.mention(
            who.id(),
            mention,
            null,
            instruction,
            List.of(
                slack.file("F" + mention.replace(".", ""), "clip.mp4", "video/mp4", clip.path()))));
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      var latest = fixture.edits.recentByUser(Platform.SLACK, FakeSlack.TEAM, who.id(), 1);
      if (!latest.isEmpty()
          && mention.equals(latest.get(0).origin().threadId())
          && latest.get(0).planMessageId() != null) {
        threads.put(latest.get(0).id(), mention);
        return latest.get(0).id();
      }
      if (slack.calls().subList(before, slack.calls().size()).stream()
          .anyMatch(c -> c.method().equals("chat.postEphemeral"))) {
        break;
      }
      Thread.sleep(50);
    }
    var latest = fixture.edits.recentByUser(Platform.SLACK, FakeSlack.TEAM, who.id(), 1);
    return latest.isEmpty() ? null : latest.get(0).id();
  }

  @Override
  protected void give(Person who, EditCommand command) throws Exception {
    boolean slash =
        command instanceof EditCommand.Status
            || command instanceof EditCommand.History
            || command instanceof EditCommand.Quota
            || command instanceof EditCommand.Help
            || command instanceof EditCommand.Admin;
    if (slash) {
      bot.command(who.id(), CommandGrammar.format(command), slack.responseUrl(who.name()));
    } else {
      String about =
          command instanceof EditCommand.Start start
                  && start.video() instanceof dev.klingbot.core.workflow.MediaSource.Result result
              ? result.editId()
              : command.editId();
      String thread = thread(about);
      bot.event(
          SlackPayloads.threadMessage(who.id(), nextTs(), thread, CommandGrammar.format(command)));
    }
  }

  @Override
  protected void press(Person who, ChatAction button) throws Exception {
    Edit edit = fixture.edits.find(button.editId()).orElseThrow();
    bot.press(who.id(), button.id(), edit.planMessageId(), thread(edit.id()));
  }

  /** The thread of an edit: where the mention was, or, for an edit made from it, the same. */
  private String thread(String editId) {
    if (editId == null || threads.containsKey(editId)) {
      return threads.get(editId);
    }
    return fixture.edits.find(editId).map(edit -> edit.origin().threadId()).orElse(null);
  }

  @Override
  protected void fillForm(Person who, ChatAction button, String value) throws Exception {
    int before = slack.calls().size();
    press(who, button);
    String metadata = null;
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (metadata == null && System.nanoTime() < deadline) {
      for (FakeSlack.Call call : slack.calls().subList(before, slack.calls().size())) {
        if (call.method().equals("views.open")) {
          com.google.gson.JsonObject view =
              new com.google.gson.Gson()
                  .fromJson(call.param("view"), com.google.gson.JsonObject.class);
          metadata = view.get("private_metadata").getAsString();
        }
      }
      Thread.sleep(50);
    }
    String payload = SlackPayloads.submitModal(who.id(), "kling-form", metadata, "input", value);
    bot.http().postForm(SlackPayloads.form(Map.of("payload", payload)), Map.of());
  }

  @Override
  protected Platform platformOf(Person who) {
    return Platform.SLACK;
  }

  @Override
  protected String serverOf(Person who) {
    return FakeSlack.TEAM;
  }

  @Override
  protected boolean typeNoCommand(Person who, String line) throws Exception {
    bot.command(who.id(), line, slack.responseUrl(who.name()));
    return true;
  }

  @Override
  protected List<Seen> seen() {
    List<Seen> seen = new ArrayList<>();
    for (FakeSlack.Call call : slack.calls()) {
      if (!SEEN_METHODS.contains(call.method())) {
        continue;
      }
      String text =
          call.method().equals("files.completeUploadExternal")
              ? call.param("initial_comment")
              : call.param("text");
      Set<ChatAction.Kind> actions = new HashSet<>();
      Matcher matcher = ACTION.matcher(call.blocks());
      while (matcher.find()) {
        try {
          actions.add(ChatAction.parseId(matcher.group(1) + ":x").kind());
        } catch (IllegalArgumentException e) {
          // a Slack-only control
        }
      }
      if (text != null && text.startsWith("Buttons") && !seen.isEmpty()) {
        // The buttons of a message with files follow it in a message of their own.
        Seen files = seen.remove(seen.size() - 1);
        actions.addAll(files.actions());
        seen.add(new Seen(files.text(), actions));
        continue;
      }
      seen.add(
          new Seen(
              text == null
                  ? ""
                  : text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"),
              actions));
    }
    return seen;
  }

  @Override
  protected WorkflowFixture fixture() {
    return fixture;
  }
}
