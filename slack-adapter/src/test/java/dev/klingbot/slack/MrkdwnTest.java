package dev.klingbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.SectionBlock;
import dev.klingbot.core.chat.ChatAction;
import dev.klingbot.core.chat.ChatMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The core's Markdown as Slack mrkdwn and Block Kit. */
class MrkdwnTest {

  @Test
  void boldBecomesSlackBoldAcrossCodeSpansButNotInsideThem() {
    assertThat(Mrkdwn.from("🎬 **Edit `K7Q2`** — done")).isEqualTo("🎬 *Edit `K7Q2`* — done");
    assertThat(Mrkdwn.from("`a **b** c` and **d**")).isEqualTo("`a **b** c` and *d*");
  }

  @Test
  void specialCharactersAreEscapedButSlackTokensKeepWorking() {
    assertThat(Mrkdwn.from("**Kling prompt:** `Delete the ball from <<<video_1>>>` & more"))
        .isEqualTo(
            "*Kling prompt:* `Delete the ball from &lt;&lt;&lt;video_1&gt;&gt;&gt;` &amp; more");
    assertThat(Mrkdwn.from("Allowed in <#C123>, ask <@U42> or <!here>: <https://x.test/a?b=1>"))
        .isEqualTo("Allowed in <#C123>, ask <@U42> or <!here>: <https://x.test/a?b=1>");
  }

  @Test
  void bulletLinesGetBulletsAndCodeBlocksStayAsTheyAre() {
    assertThat(Mrkdwn.from("Admin:\n- `quota` — show\n- **usage**"))
        .isEqualTo("Admin:\n• `quota` — show\n• *usage*");
    assertThat(Mrkdwn.from("```\nmember  units\n- x **y**\n```"))
        .isEqualTo("```\nmember  units\n- x **y**\n```");
  }

  @Test
  void whatUsersTypeIsUnescapedAndTheBotMentionRemoved() {
    assertThat(Mrkdwn.unescape("prompt Put &lt;&lt;&lt;image_1&gt;&gt;&gt; here &amp; there"))
        .isEqualTo("prompt Put <<<image_1>>> here & there");
    assertThat(Mrkdwn.withoutMention("<@UBOT> remove the car <@UBOT|kling>", "UBOT"))
        .isEqualTo("remove the car");
  }

  @Test
  void messagesBecomeSectionsAndOneActionsBlock() {
    ChatMessage message =
        ChatMessage.text("x".repeat(2500) + "\n" + "y".repeat(2500))
            .withActions(
                List.of(
                    ChatAction.button(
                        ChatAction.Kind.SUBMIT, "K7Q2", "Submit", ChatAction.Style.SUCCESS),
                    ChatAction.link(ChatAction.Kind.OPEN_LINK, "K7Q2", "Open video", "https://v")))
            .mentioning("U1");

    BlockKit.Rendered rendered = BlockKit.render(message, List.of());

    assertThat(rendered.blocks()).hasSize(3);
    assertThat(rendered.blocks().subList(0, 2))
        .allSatisfy(
            block ->
                assertThat(((SectionBlock) block).getText().getText().length())
                    .isLessThanOrEqualTo(BlockKit.SECTION_LIMIT));
    assertThat(((SectionBlock) rendered.blocks().get(0)).getText().getText()).startsWith("<@U1> ");
    assertThat(rendered.blocks().get(2).toString())
        .contains("actionId=submit:K7Q2", "style=primary", "url=https://v");
    assertThat(rendered.text()).startsWith("<@U1> ").hasSizeLessThanOrEqualTo(BlockKit.TEXT_LIMIT);
  }
}
