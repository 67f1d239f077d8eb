package dev.klingbot.discord;

import static dev.klingbot.discord.DiscordMocks.ALICE;
import static dev.klingbot.discord.DiscordMocks.CHANNEL;
import static dev.klingbot.discord.DiscordMocks.channel;
import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.Platform;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.discord.DiscordMocks.Answers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import org.junit.jupiter.api.Test;

/**
 * A whole edit as a Discord user runs it: {@code /kling edit}, Select area, {@code /kling select},
 * Submit, then the core's job runner follows the Kling simulator and posts progress (one message
 * edited in place) and the uploaded result into the thread, through the adapter's chat port.
 */
class WholeEditTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void anEditGoesFromTheSlashCommandToTheUploadedResultInItsThread() throws Exception {
    try (Harness harness = new Harness()) {
      harness.fixture.workflow().runner().follow(Platform.DISCORD).start();

      Answers started = new Answers();
      harness.kling(
          ALICE,
          channel(CHANNEL),
          started,
          "edit",
          harness.editOptions("Could you please remove the orange ball?"));

      assertThat(harness.discord.threads()).hasSize(1);
      String thread = harness.discord.threads().get(0);
      Edit edit =
          harness
              .fixture
              .edits
              .findByThread(Platform.DISCORD, DiscordMocks.GUILD, thread)
              .orElseThrow();
      assertThat(started.only()).contains("<#" + thread + ">");
      MessageChannelUnion inThread = DiscordMocks.thread(thread, CHANNEL);
      Posted plan = harness.discord.in(thread).get(0).posted();
      assertThat(plan.content())
          .startsWith(
              "<@" + ALICE.id() + "> 🎬 **Edit `" + edit.id() + "`** — Remove “the orange ball”")
          .contains("`Delete the orange ball from <<<video_1>>>`")
          .contains("costs 1 unit");

      Answers area = new Answers();
      harness.press(ALICE, inThread, area, "select-area:" + edit.id());
      assertThat(lastIn(harness, thread).fileNames()).containsExactly("grid-frame-0.png");

      Answers select = new Answers();
      harness.kling(ALICE, inThread, select, "select", Map.of("points", "C4 D4"));
      Posted mask = lastIn(harness, thread);
      assertThat(mask.content()).contains("Marked C4 D4 on frame 0");
      assertThat(mask.fileNames()).containsExactly("selection-frame-0.png");
      assertThat(select.only()).isEqualTo("✅ Done.");

      Answers submit = new Answers();
      harness.press(ALICE, inThread, submit, "submit:" + edit.id());
      assertThat(submit.messages).isEmpty();
      assertThat(lastIn(harness, thread).content())
          .startsWith("📨 Submitted edit `" + edit.id() + "`")
          .contains("you: 4 of 5 units left today");

      FakeGateway.Message result =
          harness.discord.await(m -> m.posted().content().contains("is ready"), WAIT);
      assertThat(result.channelId()).isEqualTo(thread);
      assertThat(result.posted().content())
          .startsWith("<@" + ALICE.id() + "> ✅ Your edit `" + edit.id() + "` is ready");
      assertThat(result.posted().mentionedUsers()).containsExactly(ALICE.id());
      assertThat(result.posted().fileNames()).singleElement().asString().endsWith(".mp4");
      assertThat(result.posted().fileData().get(0).length).isGreaterThan(1000);
      FakeGateway.Message progress =
          harness.discord.await(m -> m.text().startsWith("✅ **Done**"), WAIT);
      assertThat(progress.channelId()).isEqualTo(thread);
      assertThat(progress.posted().content()).containsAnyOf("**Submitted**", "**Processing**");
      assertThat(progress.edits()).isNotEmpty();
      List<FakeGateway.Message> progressMessages =
          harness.discord.in(thread).stream()
              .filter(
                  m ->
                      m.posted().content().contains("**Submitted**")
                          || m.posted().content().contains("**Processing**"))
              .toList();
      assertThat(progressMessages).hasSize(1);
      assertThat(awaitState(harness, edit.id())).isEqualTo(EditState.SUCCEEDED);
    }
  }

  private static Posted lastIn(Harness harness, String thread) {
    List<FakeGateway.Message> messages = harness.discord.in(thread);
    return messages.get(messages.size() - 1).posted();
  }

  private static EditState awaitState(Harness harness, String id) throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      Edit edit = harness.fixture.edits.find(id).orElseThrow();
      if (edit.outcome().deliveredAt() != null) {
        return edit.state();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("edit " + id + " was not delivered within " + WAIT);
  }
}
