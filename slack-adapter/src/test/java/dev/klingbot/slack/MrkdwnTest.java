package dev.klingbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import com.slack.api.model.block.SectionBlock;
import dev.klingbot.core.chat.ChatAction;
import dev.klingbot.core.chat.ChatMessage;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The core's Markdown as Slack mrkdwn and Block Kit. */
class MrkdwnTest {

  /** The core's Markdown, and the mrkdwn Slack is sent. */
  static Stream<Arguments> markdown() {
    return Stream.of(
        argumentSet(
            "bold becomes Slack bold across code spans",
            "🎬 **Edit `K7Q2`** — done",
            "🎬 *Edit `K7Q2`* — done"),
        argumentSet(
            "bold inside a code span stays as it is",
            "`a **b** c` and **d**",
            "`a **b** c` and *d*"),
        argumentSet(
            "special characters are escaped",
            "**Kling prompt:** `Delete the ball from <<<video_1>>>` & more",
            "*Kling prompt:* `Delete the ball from &lt;&lt;&lt;video_1&gt;&gt;&gt;` &amp; more"),
        argumentSet(
            "Slack tokens keep working",
            "Allowed in <#C123>, ask <@U42> or <!here>: <https://x.test/a?b=1>",
            "Allowed in <#C123>, ask <@U42> or <!here>: <https://x.test/a?b=1>"),
        argumentSet(
            "bullet lines get bullets",
            "Admin:\n- `quota` — show\n- **usage**",
            "Admin:\n• `quota` — show\n• *usage*"),
        argumentSet(
            "code blocks stay as they are",
            "```\nmember  units\n- x **y**\n```",
            "```\nmember  units\n- x **y**\n```"));
  }

  @ParameterizedTest
  @MethodSource("markdown")
  void markdownBecomesMrkdwn(String markdown, String mrkdwn) {
    assertThat(Mrkdwn.from(markdown)).isEqualTo(mrkdwn);
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
