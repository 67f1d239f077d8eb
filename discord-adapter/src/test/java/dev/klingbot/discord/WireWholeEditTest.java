package dev.klingbot.discord;

import static dev.klingbot.discord.WireHarness.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.Platform;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.discord.fake.RestCall;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A whole edit as a Discord user runs it, on the real JDA against the fake Discord: {@code /kling
 * edit} with an attached clip, the Select area button, {@code /kling select} in the thread, the
 * Submit button; then the core's job runner follows the Kling simulator, edits one progress message
 * in place and uploads the result into the thread.
 */
class WireWholeEditTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void anEditGoesFromTheSlashCommandToTheUploadedResultInItsThread() throws Exception {
    try (WireHarness harness = new WireHarness()) {
      harness.fixture.workflow().runner().follow(Platform.DISCORD).start();
      var discord = harness.discord;

      String started =
          harness.kling(
              ALICE,
              discord.channelId,
              "edit",
              harness.editOptions("Could you please remove the orange ball?"));
      RestCall startAnswer = harness.followup(started);
      assertThat(discord.threads()).hasSize(1);
      String thread = discord.threads().get(0);
      Edit edit = harness.editInThread(thread);
      assertThat(startAnswer.content()).contains("<#" + thread + ">");
      String planId = discord.messagesIn(thread).get(0).getString("id");
      assertThat(discord.messagesIn(thread).get(0).getString("content"))
          .startsWith(
              "<@" + ALICE.id() + "> 🎬 **Edit `" + edit.id() + "`** — Remove “the orange ball”")
          .contains("costs 1 unit");

      String area = discord.clickButton(ALICE, planId, "select-area:" + edit.id());
      RestCall grid =
          discord.awaitPost(thread, c -> c.files().containsKey("grid-frame-0.png"), WAIT);
      assertThat(grid.status()).isEqualTo(200);
      assertThat(discord.answersTo(area).get(0).callbackType()).isEqualTo(6);

      String select = harness.kling(ALICE, thread, "select", Map.of("points", "C4 D4"));
      assertThat(harness.followup(select).content()).isEqualTo("✅ Done.");
      RestCall mask =
          discord.awaitPost(thread, c -> c.files().containsKey("selection-frame-0.png"), WAIT);
      assertThat(mask.content()).contains("Marked C4 D4 on frame 0");

      discord.clickButton(ALICE, planId, "submit:" + edit.id());
      RestCall submitted =
          discord.awaitPost(
              thread, c -> c.content().startsWith("📨 Submitted edit `" + edit.id() + "`"), WAIT);
      assertThat(submitted.content()).contains("you: 4 of 5 units left today");

      RestCall result = discord.awaitPost(thread, c -> c.content().contains("is ready"), WAIT);
      assertThat(result.status()).isEqualTo(200);
      assertThat(result.content())
          .startsWith("<@" + ALICE.id() + "> ✅ Your edit `" + edit.id() + "` is ready");
      assertThat(result.allowedUserMentions()).containsExactly(ALICE.id());
      assertThat(result.files()).hasSize(1);
      String name = result.files().keySet().iterator().next();
      assertThat(name).endsWith(".mp4");
      assertThat(result.files().get(name).length).isGreaterThan(1000);

      RestCall done =
          discord.await(
              c ->
                  c.method().equals("PATCH")
                      && c.path().startsWith("channels/" + thread + "/messages/")
                      && c.content().startsWith("✅ **Done**"),
              WAIT);
      assertThat(done.status()).isEqualTo(200);
      String progressId = done.path().substring(done.path().lastIndexOf('/') + 1);
      List<RestCall> progressPosts =
          discord.calls("POST channels/" + thread + "/messages").stream()
              .filter(
                  c ->
                      c.content().contains("**Submitted**")
                          || c.content().contains("**Processing**"))
              .toList();
      assertThat(progressPosts).hasSize(1);
      assertThat(discord.messagesIn(thread))
          .anySatisfy(
              m -> {
                assertThat(m.getString("id")).isEqualTo(progressId);
                assertThat(m.getString("content")).startsWith("✅ **Done**");
              });
      assertThat(discord.calls())
          .allSatisfy(c -> assertThat(c.status()).as(c.toString()).isLessThan(400));
      assertThat(harness.fixture.edits.find(edit.id()).orElseThrow().state())
          .isEqualTo(EditState.SUCCEEDED);
    }
  }

  @Test
  void anEditWhoseThreadIsArchivedWhileKlingWorksGetsItsResultAndProgressInThatThread()
      throws Exception {
    try (WireHarness harness = new WireHarness()) {
      harness.fixture.workflow().runner().follow(Platform.DISCORD).start();
      var discord = harness.discord;
      String started =
          harness.kling(
              ALICE, discord.channelId, "edit", harness.editOptions("remove the orange ball"));
      harness.followup(started);
      String thread = discord.threads().get(0);
      Edit edit = harness.editInThread(thread);
      String planId = discord.messagesIn(thread).get(0).getString("id");

      discord.clickButton(ALICE, planId, "submit:" + edit.id());
      discord.awaitPost(
          thread, c -> c.content().startsWith("📨 Submitted edit `" + edit.id() + "`"), WAIT);
      discord.archiveThread(thread, false);

      RestCall result =
          discord.await(
              c -> c.route().startsWith("POST channels/") && c.content().contains("is ready"),
              WAIT);
      assertThat(result.path()).isEqualTo("channels/" + thread + "/messages");
      assertThat(result.status()).isEqualTo(200);
      assertThat(result.files()).hasSize(1);
      RestCall done =
          discord.await(
              c -> c.method().equals("PATCH") && c.content().startsWith("✅ **Done**"), WAIT);
      assertThat(done.path()).startsWith("channels/" + thread + "/messages/");
      assertThat(done.status()).isEqualTo(200);
      assertThat(discord.calls("GET channels/" + discord.channelId + "/threads/archived/public"))
          .isNotEmpty();
      assertThat(discord.calls("POST channels/" + discord.channelId + "/messages")).isEmpty();
      assertThat(discord.archived(thread)).isFalse();
      assertThat(discord.calls())
          .allSatisfy(c -> assertThat(c.status()).as(c.toString()).isLessThan(400));
    }
  }
}
