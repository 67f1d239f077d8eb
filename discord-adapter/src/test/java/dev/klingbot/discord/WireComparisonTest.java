package dev.klingbot.discord;

import static dev.klingbot.discord.WireHarness.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.Platform;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.discord.fake.RestCall;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
      harness.followup(
          harness.kling(
              ALICE, discord.channelId, "edit", harness.editOptions("remove the orange ball")));
      String thread = discord.threads().get(0);
      Edit edit = harness.editInThread(thread);
      String planId = discord.messagesIn(thread).get(0).getString("id");

      discord.clickButton(ALICE, planId, "submit:" + edit.id());

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

  private static int indexOf(List<RestCall> posts, String text) {
    for (int i = 0; i < posts.size(); i++) {
      if (posts.get(i).content().contains(text)) {
        return i;
      }
    }
    return -1;
  }
}
