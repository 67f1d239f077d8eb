package dev.klingbot.discord;

import dev.klingbot.core.Platform;
import dev.klingbot.core.chat.ChatAction;
import dev.klingbot.core.conversation.EditCommand;
import dev.klingbot.core.conversation.EditCommand.Admin;
import dev.klingbot.core.conversation.Selection;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.testing.ConversationContract;
import dev.klingbot.core.testing.WorkflowFixture;
import dev.klingbot.discord.fake.FakeDiscord;
import dev.klingbot.discord.fake.RestCall;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterEach;

/**
 * The scripted dialogue on Discord through the real JDA against the fake Discord: slash commands
 * with their options, buttons on the bot's messages; what people saw is read back from the REST
 * calls the bot made (thread posts, edits, private followups).
 */
class DiscordContractTest extends ConversationContract {
  private final WireHarness harness = new WireHarness();
  private final FakeDiscord discord = harness.discord;
  private final Map<String, FakeDiscord.Member> members = new LinkedHashMap<>();

  DiscordContractTest() {
    harness.fixture.workflow().runner().follow(Platform.DISCORD).start();
    long id = 700_000_000_000_000_001L;
    for (Person person : List.of(ALICE, BOB, ADA)) {
      members.put(
          person.id(), new FakeDiscord.Member(Long.toString(id++), person.name(), person.admin()));
    }
  }

  @AfterEach
  void close() {
    harness.close();
  }

  private FakeDiscord.Member member(Person who) {
    return members.get(who.id());
  }

  @Override
  protected String start(Person who, String instruction) throws Exception {
    String interaction =
        harness.kling(member(who), discord.channelId, "edit", harness.editOptions(instruction));
    harness.followup(interaction);
    var latest =
        harness.fixture.edits.recentByUser(Platform.DISCORD, discord.guildId, member(who).id(), 1);
    return latest.isEmpty() ? null : latest.get(0).id();
  }

  private String where(String editId) {
    if (editId == null) {
      return discord.channelId;
    }
    Edit edit = harness.fixture.edits.find(editId).orElseThrow();
    return edit.origin().threadId() != null ? edit.origin().threadId() : discord.channelId;
  }

  @Override
  protected void give(Person who, EditCommand command) {
    FakeDiscord.Member member = member(who);
    if (command instanceof Admin.QuotaSet set) {
      discord.slashCommand(
          member,
          discord.channelId,
          KlingCommands.ADMIN,
          "quota",
          "set",
          Map.of("setting", set.setting(), "value", set.value()));
      return;
    }
    Map<String, Object> options = new LinkedHashMap<>();
    String subcommand = command.verb();
    if (command instanceof EditCommand.Select select) {
      points(options, select.selection());
    } else if (command instanceof EditCommand.Unselect unselect) {
      points(options, unselect.selection());
    } else if (command instanceof EditCommand.Grid grid && grid.frame() != 0) {
      options.put("frame", grid.frame());
    } else if (command instanceof EditCommand.Prompt prompt) {
      options.put("instruction", prompt.instruction());
    } else if (command instanceof EditCommand.Start start
        && start.video() instanceof dev.klingbot.core.workflow.MediaSource.Result result) {
      options.put("instruction", start.instruction());
      options.put(KlingCommands.FROM, result.editId());
      harness.kling(member, discord.channelId, "edit", options);
      return;
    }
    if (command.editId() != null) {
      options.put(KlingCommands.EDIT, command.editId());
    }
    harness.kling(member, where(command.editId()), subcommand, options);
  }

  private static void points(Map<String, Object> options, Selection selection) {
    options.put("points", String.join(" ", selection.labels()));
    if (selection.frame() != 0) {
      options.put("frame", selection.frame());
    }
  }

  @Override
  protected void press(Person who, ChatAction button) {
    Edit edit = harness.fixture.edits.find(button.editId()).orElseThrow();
    discord.clickButton(member(who), edit.planMessageId(), button.id());
  }

  @Override
  protected void fillForm(Person who, ChatAction button, String value) throws Exception {
    Edit edit = harness.fixture.edits.find(button.editId()).orElseThrow();
    String click = discord.clickButton(member(who), edit.planMessageId(), button.id());
    discord.await(
        call -> discord.answersTo(click).stream().anyMatch(a -> a.callbackType() == 9), WAIT);
    discord.submitModal(
        member(who), where(edit.id()), button.id(), Map.of(ModalRenderer.INPUT, value));
  }

  @Override
  protected Platform platformOf(Person who) {
    return Platform.DISCORD;
  }

  @Override
  protected String serverOf(Person who) {
    return discord.guildId;
  }

  @Override
  protected boolean typeNoCommand(Person who, String line) {
    return false; // Discord offers only the registered slash commands
  }

  @Override
  protected List<Seen> seen() {
    List<Seen> seen = new ArrayList<>();
    for (RestCall call : discord.calls()) {
      boolean post = call.method().equals("POST") && call.path().matches("channels/\\d+/messages");
      boolean edit = call.method().equals("PATCH") && call.path().startsWith("channels/");
      boolean followup = call.path().startsWith("webhooks/");
      boolean reply = call.path().startsWith("interactions/") && call.callbackType() == 4;
      if (!(post || edit || followup || reply) || call.json() == null) {
        continue;
      }
      DataObject message =
          reply && call.json().hasKey("data") ? call.json().getObject("data") : call.json();
      String text = message.isNull("content") ? "" : message.getString("content", "");
      Set<ChatAction.Kind> actions = new HashSet<>();
      collect(message.optArray("components").orElse(DataArray.empty()), actions);
      seen.add(new Seen(text, actions));
    }
    return seen;
  }

  private static void collect(DataArray components, Set<ChatAction.Kind> actions) {
    for (int i = 0; i < components.length(); i++) {
      DataObject component = components.getObject(i);
      if (component.hasKey("custom_id") && !component.isNull("custom_id")) {
        try {
          actions.add(ChatAction.parseId(component.getString("custom_id")).kind());
        } catch (IllegalArgumentException e) {
          // not one of the core's buttons
        }
      }
      collect(component.optArray("components").orElse(DataArray.empty()), actions);
    }
  }

  @Override
  protected WorkflowFixture fixture() {
    return harness.fixture;
  }
}
