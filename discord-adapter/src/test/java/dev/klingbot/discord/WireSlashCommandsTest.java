package dev.klingbot.discord;

import static dev.klingbot.discord.WireHarness.ALICE;
import static dev.klingbot.discord.WireHarness.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.Platform;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.discord.fake.RestCall;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.utils.data.DataArray;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Slash commands from the gateway to Discord's REST API, through the real JDA and adapter. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WireSlashCommandsTest {
  @AutoClose private final WireHarness harness = new WireHarness();

  @Test
  void startingRegistersBothCommandsInTheDevelopmentServer() {
    List<RestCall> puts =
        harness.discord.calls(
            "PUT applications/"
                + harness.discord.applicationId
                + "/guilds/"
                + harness.discord.guildId
                + "/commands");
    assertThat(puts).singleElement().satisfies(p -> assertThat(p.status()).isEqualTo(200));
    DataArray commands = puts.get(0).json().getArray("array");
    assertThat(
            List.of(
                commands.getObject(0).getString("name"), commands.getObject(1).getString("name")))
        .containsExactlyInAnyOrder("kling", "kling-admin");
  }

  @Test
  void quotaIsDeferredPrivatelyAndAnsweredWithAnEphemeralFollowup() throws Exception {
    String id = harness.kling(BOB, harness.discord.channelId, "quota", Map.of());

    RestCall answer = harness.followup(id);
    RestCall callback = harness.discord.answersTo(id).get(0);
    assertThat(callback.route()).endsWith("/callback");
    assertThat(callback.callbackType()).isEqualTo(5);
    assertThat(callback.flags()).isEqualTo(64);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.content()).contains("📊 **Quota**").contains("Costs: std 5 s = 1 unit");
    assertThat(answer.flags() & 64).isEqualTo(64);
  }

  @Test
  void editOpensAThreadAndPostsThePlanWithItsButtonsThere() throws Exception {
    String id =
        harness.kling(
            ALICE,
            harness.discord.channelId,
            "edit",
            harness.editOptions("remove the orange ball"));

    RestCall answer = harness.followup(id);
    Edit edit =
        harness
            .fixture
            .edits
            .recentByUser(Platform.DISCORD, harness.discord.guildId, ALICE.id(), 1)
            .get(0);
    String thread = edit.origin().threadId();
    assertThat(thread).isIn(harness.discord.threads());
    RestCall opened =
        harness.discord.calls("POST channels/" + harness.discord.channelId + "/threads").get(0);
    assertThat(opened.json().getString("name"))
        .isEqualTo("Edit " + edit.id() + ": remove the orange ball");
    assertThat(opened.json().getInt("auto_archive_duration")).isEqualTo(10080);
    RestCall plan = harness.discord.calls("POST channels/" + thread + "/messages").get(0);
    assertThat(plan.content())
        .startsWith("<@" + ALICE.id() + "> 🎬 **Edit `" + edit.id() + "`**")
        .contains("**Kling prompt:** `Delete the orange ball from <<<video_1>>>`");
    assertThat(plan.allowedUserMentions()).containsExactly(ALICE.id());
    assertThat(plan.buttonLabels())
        .containsExactly("Select area", "Preview", "Submit", "Cancel", "Edit prompt");
    // The plan names Discord's own controls: each button it says to press is on the message.
    java.util.regex.Matcher pressed =
        java.util.regex.Pattern.compile("press \\*\\*([^*]+)\\*\\*").matcher(plan.content());
    java.util.List<String> named = new java.util.ArrayList<>();
    while (pressed.find()) {
      named.add(pressed.group(1));
    }
    assertThat(named).contains("Select area", "Preview", "Submit");
    assertThat(plan.buttonLabels()).containsAll(named);
    assertThat(plan.content()).contains("`/kling select points:C4 D4`").doesNotContain("type `");
    assertThat(answer.content()).contains(edit.id()).contains("<#" + thread + ">");
    assertThat(answer.flags() & 64).isEqualTo(64);
  }
}
