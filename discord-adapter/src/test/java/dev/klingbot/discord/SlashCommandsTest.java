package dev.klingbot.discord;

import static dev.klingbot.discord.DiscordMocks.ALICE;
import static dev.klingbot.discord.DiscordMocks.CHANNEL;
import static dev.klingbot.discord.DiscordMocks.channel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import dev.klingbot.core.chat.ChatException;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.discord.DiscordMocks.Answers;
import dev.klingbot.discord.DiscordMocks.Person;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code /kling} commands through the listener, with JDA events from Mockito. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlashCommandsTest {
  @AutoClose private final Harness harness = new Harness();

  @Test
  void theInteractionIsAcknowledgedBeforeAnyWorkAndTheWorkRunsOnTheExecutor() {
    Person erin = new Person("402", "erin", false);
    Answers answers = new Answers();
    int threadsBefore = harness.discord.threads().size();
    harness.holdWork = true;
    try {
      harness.kling(
          erin, channel(CHANNEL), answers, "edit", harness.editOptions("remove the ball"));

      assertThat(answers.acknowledgements).containsExactly("deferReply(true)");
      assertThat(answers.messages).isEmpty();
      assertThat(harness.heldWork).hasSize(1);
      assertThat(harness.discord.threads()).hasSize(threadsBefore);
    } finally {
      harness.holdWork = false;
    }
    harness.heldWork.remove(0).run();

    assertThat(harness.discord.threads()).hasSize(threadsBefore + 1);
    assertThat(answers.only()).contains("🧵");
  }

  @Test
  void aRefusedInstructionIsAnsweredPrivatelyAndOpensNoThread() {
    Answers answers = new Answers();
    int threadsBefore = harness.discord.threads().size();

    harness.kling(ALICE, channel(CHANNEL), answers, "edit", harness.editOptions("make it better"));

    assertThat(answers.only()).startsWith("⚠️ ");
    assertThat(answers.allEphemeral()).isTrue();
    assertThat(harness.discord.threads()).hasSize(threadsBefore);
  }

  @Test
  void commandsTypedInAnEditsThreadActOnThatEdit() {
    Person frank = new Person("403", "frank", false);
    Edit edit = harness.startEdit(frank, "remove the orange ball");
    MessageChannelUnion thread = harness.threadOf(edit);
    int before = harness.discord.in(edit.origin().threadId()).size();
    Answers answers = new Answers();

    harness.kling(frank, thread, answers, "select", Map.of("points", "C4"));

    List<FakeGateway.Message> posted = harness.discord.in(threadId(edit));
    assertThat(posted).hasSize(before + 1);
    Posted mask = posted.get(posted.size() - 1).posted();
    assertThat(mask.content()).contains("Marked C4 on frame 0");
    assertThat(mask.fileNames()).containsExactly("selection-frame-0.png");
    assertThat(mask.fileData().get(0)).startsWith(0x89, 'P', 'N', 'G');
    assertThat(mask.buttonLabels()).containsExactly("Preview", "Submit", "Clear selection");
    assertThat(answers.only()).isEqualTo("✅ Done.");
    assertThat(answers.allEphemeral()).isTrue();

    Answers unselect = new Answers();
    harness.kling(frank, thread, unselect, "unselect", Map.of("points", "C4", "frame", 0));
    assertThat(last(edit).content()).contains("Unmarked");

    Answers status = new Answers();
    harness.kling(frank, thread, status, "status", Map.of());
    assertThat(status.only()).contains(edit.id()).doesNotContain("**Thread:**");
    assertThat(status.allEphemeral()).isTrue();
  }

  @Test
  void elsewhereCommandsTakeAnEditOptionAndLinkToTheThread() {
    Person grace = new Person("404", "grace", false);
    Edit edit = harness.startEdit(grace, "remove the orange ball");
    Answers status = new Answers();

    harness.kling(grace, channel(CHANNEL), status, "status", Map.of("edit", edit.id()));

    assertThat(status.only()).contains(edit.id()).contains("**Thread:** <#" + threadId(edit) + ">");

    Answers grid = new Answers();
    harness.kling(grace, channel(CHANNEL), grid, "grid", Map.of("edit", edit.id(), "frame", 0));
    Posted frame = last(edit);
    assertThat(frame.fileNames()).containsExactly("grid-frame-0.png");
    assertThat(frame.buttonLabels()).containsExactly("Mark cells…", "Unmark cells…");
    assertThat(grid.only()).isEqualTo("✅ Done — see <#" + threadId(edit) + ">.");
  }

  @Test
  void historyListsTheUsersEditsWithLinksToTheirThreads() {
    Person heidi = new Person("405", "heidi", false);
    Edit edit = harness.startEdit(heidi, "remove the orange ball");
    Answers answers = new Answers();

    harness.kling(heidi, channel(CHANNEL), answers, "history", Map.of());

    assertThat(answers.only())
        .contains("**Your recent edits**")
        .contains("`" + edit.id() + "`")
        .contains("<#" + threadId(edit) + ">");
    assertThat(answers.allEphemeral()).isTrue();
  }

  @Test
  void anUnexpectedFailureIsAShortApologyWithAReferenceAndNoStackTrace() {
    Person ivan = new Person("406", "ivan", false);
    Answers answers = editWhileSendsFail(ivan, new IllegalStateException("boom at Foo.java:42"));

    assertThat(answers.only())
        .startsWith("😵 Sorry, something went wrong on my side")
        .containsPattern("reference `[A-Z0-9]{8}`")
        .doesNotContain("boom")
        .doesNotContain("IllegalStateException");
    assertThat(answers.allEphemeral()).isTrue();
    Edit orphan =
        harness
            .fixture
            .edits
            .recentByUser(dev.klingbot.core.Platform.DISCORD, DiscordMocks.GUILD, "406", 1)
            .get(0);
    assertThat(orphan.state()).isEqualTo(EditState.CANCELLED);
  }

  @Test
  void discordRefusingThePostIsExplainedInPlainWords() {
    Person judy = new Person("407", "judy", false);
    Answers answers = editWhileSendsFail(judy, new ChatException("Missing Access", false, null));

    assertThat(answers.only())
        .contains("Discord did not let me post there")
        .contains("Send Messages in Threads");
  }

  @Test
  void aChannelWithoutThreadsKeepsTheEditInTheChannel() {
    Person kim = new Person("408", "kim", false);
    harness.discord.threadsAllowed(false);
    try {
      Edit edit = harness.startEdit(kim, "remove the orange ball");
      Edit stored = harness.fixture.edits.find(edit.id()).orElseThrow();

      assertThat(stored.origin().threadId()).isNull();
      assertThat(harness.discord.messages().get(harness.discord.messages().size() - 1).channelId())
          .isEqualTo(CHANNEL);
    } finally {
      harness.discord.threadsAllowed(true);
    }
  }

  @Test
  void commandsOutsideAServerAreRefused() {
    Answers answers = new Answers();
    SlashCommandInteractionEvent event =
        DiscordMocks.slash(
            ALICE, channel("55"), answers, KlingCommands.KLING, null, "quota", Map.of());
    when(event.getGuild()).thenReturn(null);

    harness.listener.onSlashCommandInteraction(event);

    assertThat(answers.only()).contains("servers only");
  }

  private String threadId(Edit edit) {
    return harness.fixture.edits.find(edit.id()).orElseThrow().origin().threadId();
  }

  private Posted last(Edit edit) {
    List<FakeGateway.Message> posted = harness.discord.in(threadId(edit));
    return posted.get(posted.size() - 1).posted();
  }

  /** {@code /kling edit} while every post to Discord fails with {@code failure}. */
  private Answers editWhileSendsFail(Person who, RuntimeException failure) {
    harness.discord.failSends(failure);
    Answers answers = new Answers();
    try {
      harness.kling(who, channel(CHANNEL), answers, "edit", harness.editOptions("remove the ball"));
    } finally {
      harness.discord.failSends(null);
    }
    return answers;
  }
}
