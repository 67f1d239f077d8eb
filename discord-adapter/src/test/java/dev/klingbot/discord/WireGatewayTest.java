package dev.klingbot.discord;

import static dev.klingbot.core.testing.ChatFailures.assertChatFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.Platform;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.chat.ChatPort;
import dev.klingbot.core.chat.Conversation;
import dev.klingbot.core.chat.MessageRef;
import dev.klingbot.discord.fake.FakeDiscord;
import dev.klingbot.discord.fake.RestCall;
import java.time.Duration;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The adapter's chat port on the real JDA against the fake Discord, outside any edit. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WireGatewayTest {
  @AutoClose private final WireHarness harness = new WireHarness();
  private final FakeDiscord discord = harness.discord;
  private final ChatPort chat = harness.fixture.chats.find(Platform.DISCORD).orElseThrow();
  private final Conversation channel =
      new Conversation(Platform.DISCORD, discord.guildId, discord.channelId, null);

  @Test
  void theChatPortPostsAndEditsOneMessageInPlace() {
    MessageRef ref = chat.post(channel, ChatMessage.text("📨 **Submitted**"));
    chat.edit(ref, ChatMessage.text("⚙️ **Processing**"));
    chat.edit(ref, ChatMessage.text("✅ **Done**"));

    assertThat(ref.conversation()).isEqualTo(channel);
    assertThat(discord.calls("PATCH channels/" + discord.channelId + "/messages/" + ref.id()))
        .extracting(RestCall::content)
        .containsExactly("⚙️ **Processing**", "✅ **Done**");
    assertThat(discord.messagesIn(discord.channelId))
        .anySatisfy(m -> assertThat(m.getString("content")).isEqualTo("✅ **Done**"));
  }

  @Test
  void theUploadLimitIsTheServersTierLimitOrTenMebibytes() {
    assertThat(chat.uploadLimitBytes(channel)).isEqualTo(10L << 20);
    assertThat(chat.uploadLimitBytes(new Conversation(Platform.DISCORD, "1", "2", null)))
        .isEqualTo(10L << 20);
  }

  @Test
  void anUnknownChannelIsNotRetryable() {
    Conversation nowhere = new Conversation(Platform.DISCORD, discord.guildId, "4242", null);

    assertChatFailure(() -> chat.post(nowhere, ChatMessage.text("hi")), false);
  }

  @Test
  void aDiscordThatDoesNotAnswerInTimeIsRetryable() {
    JdaGateway impatient =
        new JdaGateway(harness.bot.shards(), Duration.ofMillis(300), Duration.ofMillis(300));
    discord.delayAnswers(Duration.ofSeconds(2));
    try {
      assertThat(
              assertChatFailure(
                  () -> impatient.send(channel, MessageCreateData.fromContent("hi")), true))
          .hasMessageContaining("did not answer");
    } finally {
      discord.delayAnswers(Duration.ZERO);
    }
  }
}
