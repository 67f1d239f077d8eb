package dev.klingbot.discord;

import static dev.klingbot.discord.WireHarness.ALICE;
import static dev.klingbot.discord.WireHarness.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.discord.fake.RestCall;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The bot answers each person in the language of their Discord client: Chinese to a client set to
 * Chinese, English to one set to English, whatever the other person uses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WireLanguageTest {
  @AutoClose private final WireHarness harness = new WireHarness();

  @Test
  void aChineseClientIsAnsweredInChineseAndAnEnglishOneInEnglish() throws Exception {
    harness.discord.userLocale(ALICE, "zh-CN");

    String alice =
        harness.kling(ALICE, harness.discord.channelId, "edit", Map.of("instruction", "去掉红色的车"));
    String bob =
        harness.kling(
            BOB, harness.discord.channelId, "edit", Map.of("instruction", "remove the red car"));

    RestCall toAlice = harness.followup(alice);
    RestCall toBob = harness.followup(bob);
    assertThat(toAlice.content()).contains("请附上要编辑的视频").doesNotContain("Attach the video");
    assertThat(toBob.content()).contains("Attach the video to edit").doesNotContain("请附上");
  }
}
