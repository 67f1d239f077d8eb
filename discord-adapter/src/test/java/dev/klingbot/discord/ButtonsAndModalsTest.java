package dev.klingbot.discord;

import static dev.klingbot.discord.DiscordMocks.BOB;
import static dev.klingbot.discord.DiscordMocks.CAROL_ADMIN;
import static dev.klingbot.discord.DiscordMocks.CHANNEL;
import static dev.klingbot.discord.DiscordMocks.channel;
import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.discord.DiscordMocks.Answers;
import dev.klingbot.discord.DiscordMocks.Person;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Button presses and modals through the listener: ownership, modals, answers in the thread. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ButtonsAndModalsTest {
  @AutoClose private final Harness harness = new Harness();

  @Test
  void anAdminMayPressSomeoneElsesButtons() {
    Person owner = new Person("502", "mallory", false);
    Edit edit = harness.startEdit(owner, "remove the orange ball");
    Answers answers = new Answers();

    harness.press(CAROL_ADMIN, harness.threadOf(edit), answers, "cancel:" + edit.id());

    assertThat(answers.messages).isEmpty();
    assertThat(last(edit).content()).startsWith("🛑 Cancelled edit `" + edit.id() + "`");
    assertThat(state(edit)).isEqualTo(EditState.CANCELLED);
  }

  @Test
  void selectAreaPostsTheGridFrameWithButtonsThatOpenTheCellModal() {
    Person owner = new Person("503", "niaj", false);
    Edit edit = harness.startEdit(owner, "remove the orange ball");
    MessageChannelUnion thread = harness.threadOf(edit);
    Answers press = new Answers();

    harness.press(owner, thread, press, "select-area:" + edit.id());

    assertThat(press.acknowledgements).containsExactly("deferEdit");
    assertThat(press.messages).isEmpty();
    Posted grid = last(edit);
    assertThat(grid.content()).contains("with a grid").contains("`/kling select points:C4 D4`");
    assertThat(grid.fileNames()).containsExactly("grid-frame-0.png");
    assertThat(grid.buttonLabels()).containsExactly("Mark cells…", "Unmark cells…");

    Answers open = new Answers();
    harness.press(owner, thread, open, "mark-cells:" + edit.id());
    assertThat(open.acknowledgements).containsExactly("replyModal");
    assertThat(open.modal.getId()).isEqualTo("mark-cells:" + edit.id());
    TextInput input = input(open);
    assertThat(input.getCustomId()).isEqualTo("value");

    Answers submitted = new Answers();
    harness.listener.onModalInteraction(
        DiscordMocks.modal(
            owner, thread, submitted, "mark-cells:" + edit.id(), Map.of("value", "C4 D4")));

    assertThat(submitted.acknowledgements).containsExactly("deferReply(true)");
    assertThat(submitted.only()).isEqualTo("✅ Done.");
    Posted mask = last(edit);
    assertThat(mask.content()).contains("Marked C4 D4 on frame 0");
    assertThat(mask.fileNames()).containsExactly("selection-frame-0.png");

    Answers unmark = new Answers();
    harness.listener.onModalInteraction(
        DiscordMocks.modal(
            owner, thread, unmark, "unmark-cells:" + edit.id(), Map.of("value", "D4")));
    assertThat(last(edit).content()).contains("Unmarked");

    Answers clear = new Answers();
    harness.press(owner, thread, clear, "clear-selection:" + edit.id());
    assertThat(last(edit).content()).startsWith("🧹 Cleared every marked point");
  }

  @Test
  void previewAndSubmitAnswerInTheThread() {
    Person owner = new Person("505", "peggy", false);
    Edit edit = harness.startEdit(owner, "remove the orange ball");
    MessageChannelUnion thread = harness.threadOf(edit);
    harness.kling(owner, thread, new Answers(), "select", Map.of("points", "C4"));

    harness.press(owner, thread, new Answers(), "preview:" + edit.id());
    Posted preview = last(edit);
    assertThat(preview.content()).startsWith("👀 Preview of edit");
    assertThat(preview.fileNames()).containsExactly("preview-cover.png");
    assertThat(preview.buttons())
        .anySatisfy(button -> assertThat(button.getUrl()).startsWith("http"));

    harness.press(owner, thread, new Answers(), "submit:" + edit.id());
    assertThat(harness.discord.in(threadId(edit)))
        .anySatisfy(
            message ->
                assertThat(message.posted().content())
                    .startsWith("📨 Submitted edit `" + edit.id() + "`"));
    assertThat(state(edit)).isIn(EditState.SUBMITTED, EditState.PROCESSING, EditState.SUCCEEDED);
  }

  @Test
  void aVideoThatBreaksTheRulesIsOfferedAConformButton() {
    Person owner = new Person("506", "rupert", false);
    Map<String, Object> options = harness.editOptions("remove the ball");
    options.put(
        "video",
        DiscordMocks.attachment(harness.fixture.sampleVideo(640, 360, 25, 5).url(), "small.mp4"));
    Answers answers = new Answers();
    harness.kling(owner, channel(CHANNEL), answers, "edit", options);
    Edit edit =
        harness
            .fixture
            .edits
            .recentByUser(dev.klingbot.core.Platform.DISCORD, DiscordMocks.GUILD, owner.id(), 1)
            .get(0);

    Posted offer = last(edit);
    assertThat(offer.content())
        .contains("does not meet Kling's rules")
        .contains("**I can fix it**");
    assertThat(offer.buttonLabels()).containsExactly("Conform", "Cancel");

    harness.press(owner, harness.threadOf(edit), new Answers(), "conform:" + edit.id());

    assertThat(last(edit).content()).contains("Using the fixed copy");
    assertThat(state(edit)).isEqualTo(EditState.SELECTING);
  }

  @Test
  void anUnknownOrBrokenButtonSaysItNoLongerWorks() {
    for (String id : List.of("submit:", "bogus:12345678", "nonsense")) {
      Answers answers = new Answers();
      harness.press(BOB, channel(CHANNEL), answers, id);
      assertThat(answers.only()).contains("no longer works");
    }
    Answers missing = new Answers();
    harness.press(BOB, channel(CHANNEL), missing, "submit:ZZZZZZZZ");
    assertThat(missing.only()).contains("There is no edit");
  }

  private static TextInput input(Answers answers) {
    Label label = answers.modal.getComponents().get(0).asLabel();
    return label.getChild().asTextInput();
  }

  private EditState state(Edit edit) {
    return harness.fixture.edits.find(edit.id()).orElseThrow().state();
  }

  private String threadId(Edit edit) {
    return harness.fixture.edits.find(edit.id()).orElseThrow().origin().threadId();
  }

  private Posted last(Edit edit) {
    List<FakeGateway.Message> posted = harness.discord.in(threadId(edit));
    return posted.get(posted.size() - 1).posted();
  }
}
