package dev.klingbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.klingbot.core.Platform;
import dev.klingbot.core.chat.ChatException;
import dev.klingbot.core.chat.Conversation;
import dev.klingbot.core.chat.MessageRef;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.entities.channel.middleman.StandardGuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
import net.dv8tion.jda.api.requests.restaction.MessageEditAction;
import net.dv8tion.jda.api.requests.restaction.ThreadChannelAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.Test;

/** The JDA calls of the chat port, against a mocked JDA. */
class JdaGatewayTest {
  private final JDA jda = mock(JDA.class);
  private final JdaGateway gateway =
      new JdaGateway(jda, Duration.ofMillis(200), Duration.ofMillis(200));
  private final Conversation thread = new Conversation(Platform.DISCORD, "100", "200", "900");

  private static Message sent(String id) {
    Message message = mock(Message.class);
    when(message.getId()).thenReturn(id);
    return message;
  }

  private static MessageCreateAction answering(CompletableFuture<Message> result) {
    MessageCreateAction action = mock(MessageCreateAction.class, RETURNS_SELF);
    when(action.submit()).thenReturn(result);
    return action;
  }

  @Test
  void postsIntoTheThreadAndReturnsTheMessageId() {
    ThreadChannel channel = mock(ThreadChannel.class);
    when(jda.getThreadChannelById("900")).thenReturn(channel);
    Message message = sent("777");
    MessageCreateAction action = answering(CompletableFuture.completedFuture(message));
    when(channel.sendMessage(any(MessageCreateData.class))).thenReturn(action);

    assertThat(gateway.send(thread, MessageCreateData.fromContent("hi"))).isEqualTo("777");
  }

  @Test
  void aThreadTheBotNoLongerSeesFallsBackToItsChannel() {
    TextChannel channel = mock(TextChannel.class);
    when(jda.getChannelById(GuildMessageChannel.class, "200")).thenReturn(channel);
    Message message = sent("778");
    MessageCreateAction action = answering(CompletableFuture.completedFuture(message));
    when(channel.sendMessage(any(MessageCreateData.class))).thenReturn(action);

    assertThat(gateway.send(thread, MessageCreateData.fromContent("hi"))).isEqualTo("778");
  }

  @Test
  void anUnknownChannelIsNotRetryable() {
    assertThatThrownBy(() -> gateway.send(thread, MessageCreateData.fromContent("hi")))
        .isInstanceOf(ChatException.class)
        .satisfies(e -> assertThat(((ChatException) e).retryable()).isFalse());
  }

  @Test
  void discordErrorsAreRetryableOnlyWhenTryingAgainCanHelp() {
    ThreadChannel channel = mock(ThreadChannel.class);
    when(jda.getThreadChannelById("900")).thenReturn(channel);

    MessageCreateAction refused =
        answering(CompletableFuture.failedFuture(error(ErrorResponse.MISSING_ACCESS, false)));
    when(channel.sendMessage(any(MessageCreateData.class))).thenReturn(refused);
    assertThatThrownBy(() -> gateway.send(thread, MessageCreateData.fromContent("hi")))
        .isInstanceOfSatisfying(
            ChatException.class,
            e -> {
              assertThat(e.retryable()).isFalse();
              assertThat(e.getMessage()).contains("Missing Access");
            });

    MessageCreateAction outage =
        answering(CompletableFuture.failedFuture(error(ErrorResponse.SERVER_ERROR, true)));
    when(channel.sendMessage(any(MessageCreateData.class))).thenReturn(outage);
    assertThatThrownBy(() -> gateway.send(thread, MessageCreateData.fromContent("hi")))
        .isInstanceOfSatisfying(ChatException.class, e -> assertThat(e.retryable()).isTrue());

    MessageCreateAction silent = answering(new CompletableFuture<>());
    when(channel.sendMessage(any(MessageCreateData.class))).thenReturn(silent);
    assertThatThrownBy(() -> gateway.send(thread, MessageCreateData.fromContent("hi")))
        .isInstanceOfSatisfying(
            ChatException.class,
            e -> {
              assertThat(e.retryable()).isTrue();
              assertThat(e.getMessage()).contains("did not answer");
            });

    InsufficientPermissionException missing = mock(InsufficientPermissionException.class);
    when(channel.sendMessage(any(MessageCreateData.class))).thenThrow(missing);
    assertThatThrownBy(() -> gateway.send(thread, MessageCreateData.fromContent("hi")))
        .isInstanceOfSatisfying(ChatException.class, e -> assertThat(e.retryable()).isFalse());
  }

  @Test
  void editsAMessageById() {
    ThreadChannel channel = mock(ThreadChannel.class);
    when(jda.getThreadChannelById("900")).thenReturn(channel);
    MessageEditAction action = mock(MessageEditAction.class, RETURNS_SELF);
    Message edited = sent("777");
    when(action.submit()).thenReturn(CompletableFuture.completedFuture(edited));
    MessageEditData data = MessageEditData.fromContent("✅ **Done**");
    when(channel.editMessageById("777", data)).thenReturn(action);

    gateway.edit(new MessageRef(thread, "777"), data);

    verify(channel).editMessageById("777", data);
  }

  @Test
  void opensAPublicThreadThatStaysOpenForAWeek() {
    TextChannel channel = mock(TextChannel.class);
    when(jda.getChannelById(StandardGuildMessageChannel.class, "200")).thenReturn(channel);
    ThreadChannelAction action = mock(ThreadChannelAction.class, RETURNS_SELF);
    ThreadChannel created = mock(ThreadChannel.class);
    when(created.getId()).thenReturn("901");
    when(action.submit()).thenReturn(CompletableFuture.completedFuture(created));
    when(channel.createThreadChannel("Edit K7: remove the ball", false)).thenReturn(action);

    assertThat(gateway.createThread("200", "Edit K7: remove the ball")).isEqualTo("901");
    verify(action).setAutoArchiveDuration(ThreadChannel.AutoArchiveDuration.TIME_1_WEEK);
    assertThat(gateway.createThread("201", "no such channel")).isNull();
  }

  @Test
  void theUploadLimitIsTheServersOrTenMebibytes() {
    Guild guild = mock(Guild.class);
    when(guild.getMaxFileSize()).thenReturn(50L << 20);
    when(jda.getGuildById("100")).thenReturn(guild);

    assertThat(gateway.maxFileSize("100")).isEqualTo(50L << 20);
    assertThat(gateway.maxFileSize("101")).isEqualTo(10L << 20);
  }

  private static ErrorResponseException error(ErrorResponse response, boolean server) {
    ErrorResponseException error = mock(ErrorResponseException.class);
    when(error.getErrorResponse()).thenReturn(response);
    when(error.getMeaning()).thenReturn(response.getMeaning());
    when(error.getErrorCode()).thenReturn(response.getCode());
    when(error.isServerError()).thenReturn(server);
    return error;
  }
}
