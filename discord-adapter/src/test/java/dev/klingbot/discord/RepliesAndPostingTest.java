package dev.klingbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.Platform;
import dev.klingbot.core.Requester;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.chat.Conversation;
import dev.klingbot.core.chat.MessageRef;
import dev.klingbot.discord.DiscordMocks.Answers;
import org.junit.jupiter.api.Test;

/** Private answers (ephemeral flags), posting into threads, and the chat port on a fake Discord. */
class RepliesAndPostingTest {
  private final MessageRenderer renderer = new MessageRenderer();
  private final FakeGateway discord = new FakeGateway();
  private final DiscordChat chat = new DiscordChat(discord, renderer);
  private final Requester alice =
      new Requester(Platform.DISCORD, "100", "200", null, "301", "alice", false, null);

  @Test
  void everyHookAnswerIsEphemeralAndDoneSaysSomethingOnlyWhenNothingWasSaid() {
    Answers answers = new Answers();
    HookReplies replies = new HookReplies(DiscordMocks.hook(answers), renderer, true);

    replies.privately(ChatMessage.text("📊 **Quota**"));
    replies.done("✅ Done.");

    assertThat(answers.texts()).containsExactly("📊 **Quota**");
    assertThat(answers.allEphemeral()).isTrue();

    Answers quiet = new Answers();
    new HookReplies(DiscordMocks.hook(quiet), renderer, true).done("✅ Done.");
    assertThat(quiet.texts()).containsExactly("✅ Done.");
    assertThat(quiet.allEphemeral()).isTrue();

    Answers button = new Answers();
    new HookReplies(DiscordMocks.hook(button), renderer, false).done("✅ Done.");
    assertThat(button.messages).isEmpty();
  }

  @Test
  void theChatPortPostsIntoTheThreadEditsInPlaceAndReportsTheUploadLimit() {
    Conversation thread = new Conversation(Platform.DISCORD, "100", "200", "900");

    MessageRef ref = chat.post(thread, ChatMessage.text("📨 **Submitted**"));
    chat.edit(ref, ChatMessage.text("⚙️ **Processing**"));
    chat.edit(ref, ChatMessage.text("✅ **Done**"));

    assertThat(chat.platform()).isEqualTo(Platform.DISCORD);
    assertThat(discord.messages())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.channelId()).isEqualTo("900");
              assertThat(m.id()).isEqualTo(ref.id());
              assertThat(m.edits())
                  .extracting(Posted::content)
                  .containsExactly("⚙️ **Processing**", "✅ **Done**");
            });
    assertThat(chat.uploadLimitBytes(thread)).isEqualTo(10L << 20);
  }

  @Test
  void aLongPostIsSeveralMessagesAndTheFirstIsReturned() {
    Conversation channel = new Conversation(Platform.DISCORD, "100", "200", null);

    MessageRef ref = chat.post(channel, ChatMessage.text("word ".repeat(900)));

    assertThat(discord.in("200")).hasSize(3);
    assertThat(ref.id()).isEqualTo(discord.in("200").get(0).id());
  }
}
