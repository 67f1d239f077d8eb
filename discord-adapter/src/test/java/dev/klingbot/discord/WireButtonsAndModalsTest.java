package dev.klingbot.discord;

import static dev.klingbot.discord.WireHarness.ALICE;
import static dev.klingbot.discord.WireHarness.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.Platform;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.discord.fake.FakeDiscord;
import dev.klingbot.discord.fake.RestCall;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Button clicks, modals and autocomplete as Discord sends them, through the real JDA. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WireButtonsAndModalsTest {
  @AutoClose private final WireHarness harness = new WireHarness();
  private final FakeDiscord discord = harness.discord;

  @Test
  void editPromptOpensAModalWithTheInstructionAndSubmittingItChangesThePrompt() throws Exception {
    Edit edit = startEdit(ALICE);
    String thread = edit.origin().threadId();

    String click = discord.clickButton(ALICE, planId(thread), "edit-prompt:" + edit.id());

    RestCall modal = awaitCallback(click);
    assertThat(modal.callbackType()).isEqualTo(9);
    DataObject data = modal.json().getObject("data");
    assertThat(data.getString("custom_id")).isEqualTo("edit-prompt:" + edit.id());
    DataObject input = data.getArray("components").getObject(0).getObject("component");
    assertThat(input.getString("custom_id")).isEqualTo("value");
    assertThat(input.getString("value")).isEqualTo("remove the orange ball");

    String submit =
        discord.submitModal(
            ALICE, thread, "edit-prompt:" + edit.id(), Map.of("value", "remove the purple square"));
    RestCall changed =
        discord.awaitPost(
            thread,
            c -> c.content().startsWith("✏️ Edit `" + edit.id() + "` now:"),
            WireHarness.WAIT);
    assertThat(changed.content()).contains("`Delete the purple square from <<<video_1>>>`");
    assertThat(changed.buttonLabels()).contains("Submit");
    RestCall deferred = awaitCallback(submit);
    assertThat(deferred.callbackType()).isEqualTo(5);
    assertThat(deferred.flags()).isEqualTo(64);
  }

  @Test
  void someoneElsePressingAButtonIsToldPrivatelyAndGetsNoModal() throws Exception {
    Edit edit = startEdit(ALICE);
    String thread = edit.origin().threadId();
    int before = discord.messagesIn(thread).size();

    String submit = discord.clickButton(BOB, planId(thread), "submit:" + edit.id());
    RestCall answer = harness.followup(submit);
    assertThat(awaitCallback(submit).callbackType()).isEqualTo(6);
    assertThat(answer.content()).contains("belongs to alice");
    assertThat(answer.flags() & 64).isEqualTo(64);

    String prompt = discord.clickButton(BOB, planId(thread), "edit-prompt:" + edit.id());
    RestCall refused = awaitCallback(prompt);
    assertThat(refused.callbackType()).isEqualTo(4);
    assertThat(refused.flags()).isEqualTo(64);
    assertThat(refused.json().getObject("data").getString("content")).contains("belongs to alice");

    assertThat(discord.messagesIn(thread)).hasSize(before);
    assertThat(harness.fixture.edits.find(edit.id()).orElseThrow().state())
        .isEqualTo(EditState.SELECTING);
  }

  @Test
  void autocompleteOffersTheMembersOwnEdits() throws Exception {
    FakeDiscord.Member liam = new FakeDiscord.Member("283746501928374652", "liam", false);
    Edit edit = startEdit(liam);

    String mine =
        discord.autocomplete(
            liam, discord.channelId, "kling", "status", "edit", edit.id().substring(0, 3));
    RestCall choices = awaitCallback(mine);
    assertThat(choices.callbackType()).isEqualTo(8);
    DataArray offered = choices.json().getObject("data").getArray("choices");
    assertThat(offered.length()).isPositive();
    assertThat(offered.getObject(0).getString("value")).isEqualTo(edit.id());
    assertThat(offered.getObject(0).getString("name")).contains(edit.id()).contains("Remove");

    String others = discord.autocomplete(BOB, discord.channelId, "kling", "status", "edit", "");
    DataArray none = awaitCallback(others).json().getObject("data").getArray("choices");
    for (int i = 0; i < none.length(); i++) {
      assertThat(none.getObject(i).getString("value")).isNotEqualTo(edit.id());
    }

    String from =
        discord.autocomplete(
            liam,
            discord.channelId,
            "kling",
            "edit",
            KlingCommands.FROM,
            edit.id().substring(0, 3));
    assertThat(
            awaitCallback(from)
                .json()
                .getObject("data")
                .getArray("choices")
                .getObject(0)
                .getString("value"))
        .as("from: of /kling edit suggests the member's edits too")
        .isEqualTo(edit.id());

    String points = discord.autocomplete(liam, discord.channelId, "kling", "select", "points", "C");
    assertThat(awaitCallback(points).json().getObject("data").getArray("choices").length())
        .isZero();
  }

  @Test
  void helpIsAnsweredPrivately() throws Exception {
    String id = harness.kling(BOB, discord.channelId, "help", Map.of());

    RestCall help = harness.followup(id);
    assertThat(help.content()).contains("/kling edit").contains("/kling select");
    assertThat(help.flags() & 64).isEqualTo(64);
  }

  private Edit startEdit(FakeDiscord.Member who) throws InterruptedException {
    String id =
        harness.kling(
            who, discord.channelId, "edit", harness.editOptions("remove the orange ball"));
    harness.followup(id);
    return harness
        .fixture
        .edits
        .recentByUser(Platform.DISCORD, discord.guildId, who.id(), 1)
        .get(0);
  }

  private String planId(String thread) {
    return discord.messagesIn(thread).get(0).getString("id");
  }

  private RestCall awaitCallback(String interactionId) throws InterruptedException {
    discord.await(
        c -> c.path().startsWith("interactions/" + interactionId + "/"), WireHarness.WAIT);
    List<RestCall> answers = discord.answersTo(interactionId);
    return answers.stream().filter(c -> c.route().endsWith("/callback")).findFirst().orElseThrow();
  }
}
