package dev.klingbot.discord;

import static dev.klingbot.discord.WireHarness.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.Platform;
import dev.klingbot.core.chat.ChatPort;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.testing.CrashesAfterPosting;
import dev.klingbot.discord.fake.FakeDiscord;
import dev.klingbot.discord.fake.RestCall;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The before-and-after comparison on the real JDA against the fake Discord: after the result, one
 * message in the edit's thread uploads the still and the side-by-side video.
 */
class WireComparisonTest {
  private static final Duration WAIT = Duration.ofSeconds(90);

  @Test
  void theResultIsFollowedByTheBeforeAndAfterStillAndVideoInTheThread() throws Exception {
    try (WireHarness harness = new WireHarness()) {
      harness.fixture.workflow().runner().follow(Platform.DISCORD).start();
      var discord = harness.discord;
      Edit edit = startAndSubmit(harness);
      String thread = discord.threads().get(0);

      String still = "compare-" + edit.id() + ".png";
      String video = "compare-" + edit.id() + ".mp4";
      RestCall comparison = discord.awaitPost(thread, c -> c.files().containsKey(still), WAIT);
      assertThat(comparison.status()).isEqualTo(200);
      assertThat(comparison.content())
          .startsWith("🔍 Before and after `" + edit.id() + "`: the source (left) and the result")
          .contains("where the edit changed the picture most");
      assertThat(comparison.allowedUserMentions()).isEmpty();
      assertThat(comparison.files().keySet()).containsExactlyInAnyOrder(still, video);
      BufferedImage picture = ImageIO.read(new ByteArrayInputStream(comparison.files().get(still)));
      assertThat(picture.getWidth()).isGreaterThan(2 * picture.getHeight());
      assertThat(picture.getHeight()).isGreaterThan(720);
      byte[] mp4 = comparison.files().get(video);
      assertThat(new String(Arrays.copyOfRange(mp4, 4, 8), StandardCharsets.US_ASCII))
          .isEqualTo("ftyp");
      assertThat(mp4.length).isLessThanOrEqualTo(10 << 20);

      List<RestCall> posts = discord.calls("POST channels/" + thread + "/messages");
      int result = indexOf(posts, "is ready");
      assertThat(result).isNotNegative();
      assertThat(posts.subList(result + 1, posts.size()))
          .filteredOn(c -> c.content().contains("Before and after"))
          .containsExactly(comparison);
      assertThat(posts).filteredOn(c -> c.content().contains("Before and after")).hasSize(1);
      discord.await(c -> c.method().equals("PATCH") && c.content().startsWith("✅ **Done**"), WAIT);
    }
  }

  @Test
  void aComparisonPostedJustBeforeACrashIsFoundInTheThreadAndNotPostedAgain() throws Exception {
    try (WireHarness harness = new WireHarness()) {
      var discord = harness.discord;
      ChatPort real = harness.fixture.chats.find(Platform.DISCORD).orElseThrow();
      harness.fixture.chats.register(new CrashesAfterPosting(real, "Before and after"));
      harness.fixture.workflow().runner().follow(Platform.DISCORD);
      Edit edit = startAndSubmit(harness);
      String thread = discord.threads().get(0);
      discord.awaitPost(
          thread, c -> c.content().startsWith("📨 Submitted edit `" + edit.id() + "`"), WAIT);
      runUntilTheProcessDies(harness);
      assertThat(comparisons(discord, thread)).hasSize(1);
      assertThat(harness.fixture.edits.find(edit.id()).orElseThrow().outcome().deliveredAt())
          .isNull();

      harness.fixture.chats.register(real);
      harness.fixture.restart().runner().follow(Platform.DISCORD);
      harness.fixture.workflow().runner().runOnce();

      assertThat(harness.fixture.edits.find(edit.id()).orElseThrow().outcome().deliveredAt())
          .isNotNull();
      assertThat(comparisons(discord, thread)).hasSize(1);
      assertThat(discord.calls("POST channels/" + thread + "/messages"))
          .filteredOn(c -> c.content().contains("is ready"))
          .hasSize(1);
      assertThat(discord.calls("GET channels/" + thread + "/messages")).isNotEmpty();
      assertThat(harness.fixture.edits.events(edit.id()))
          .anySatisfy(line -> assertThat(line).startsWith("compared: found the earlier post"));
    }
  }

  /** Alice starts an edit of a clip and presses Submit on the plan in its thread. */
  private static Edit startAndSubmit(WireHarness harness) throws Exception {
    var discord = harness.discord;
    harness.followup(
        harness.kling(
            ALICE, discord.channelId, "edit", harness.editOptions("remove the orange ball")));
    String thread = discord.threads().get(0);
    Edit edit = harness.editInThread(thread);
    String planId = discord.messagesIn(thread).get(0).getString("id");
    discord.clickButton(ALICE, planId, "submit:" + edit.id());
    return edit;
  }

  private static List<RestCall> comparisons(FakeDiscord discord, String thread) {
    return discord.calls("POST channels/" + thread + "/messages").stream()
        .filter(c -> c.content().contains("Before and after"))
        .toList();
  }

  /** Runs the job runner by hand until the process "dies" after the comparison went out. */
  private static void runUntilTheProcessDies(WireHarness harness) throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      try {
        harness.fixture.workflow().runner().runOnce();
      } catch (CrashesAfterPosting.ProcessKilled e) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the comparison was not posted in time");
  }

  private static int indexOf(List<RestCall> posts, String text) {
    for (int i = 0; i < posts.size(); i++) {
      if (posts.get(i).content().contains(text)) {
        return i;
      }
    }
    return -1;
  }
}
