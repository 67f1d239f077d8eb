package dev.klingbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import dev.klingbot.config.DiscordConfig;
import dev.klingbot.config.Secret;
import dev.klingbot.core.Platform;
import dev.klingbot.core.admin.AdminService;
import dev.klingbot.core.chat.ChatPorts;
import dev.klingbot.core.chat.ConnectRetry;
import dev.klingbot.core.chat.PlatformConnectException;
import dev.klingbot.core.conversation.ConversationHandler;
import dev.klingbot.core.testing.StartAttempts;
import dev.klingbot.core.workflow.EditService;
import dev.klingbot.discord.fake.FakeDiscord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import net.dv8tion.jda.api.JDA;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Starting while Discord cannot be reached: one line per attempt, growing waits, no giving up, and
 * a connection once Discord answers; a refused token ends the start with the setting to fix. The
 * waits go through the retry's sleeper, so nothing here waits for real.
 */
class DiscordStartTest {
  private final ChatPorts chats = new ChatPorts();
  private final StartAttempts attempts = new StartAttempts();

  @AfterEach
  void close() throws Exception {
    attempts.close();
  }

  @Test
  void waitsForAnUnreachableDiscordAndConnectsWhenItAnswers() {
    int port = freePort();
    FakeDiscord discord = attempts.closeLater(new FakeDiscord());
    ConnectRetry retry =
        attempts.retry(
            wait -> {
              if (attempts.waits().size() == 2) { // Discord comes back after the second wait
                try {
                  discord.start(port);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              }
            });
    DiscordBot bot =
        bot(FakeDiscord.TOKEN, builder -> FakeDiscord.configureAt(builder, port), retry);

    bot.start();

    attempts.assertToldUnreachable("Discord", 2);
    assertThat(bot.shards().getShardById(0).getStatus()).isEqualTo(JDA.Status.CONNECTED);
    assertThat(discord.calls())
        .extracting(c -> c.route())
        .contains("PUT applications/" + discord.applicationId + "/commands");
    assertThat(chats.find(Platform.DISCORD)).isPresent();
  }

  @Test
  void anUnresolvableDiscordIsToldAsSuchAndTriedAgainUntilStopped() {
    DiscordBot bot =
        bot(
            FakeDiscord.TOKEN,
            builder -> FakeDiscord.configureAt(builder, "http://discord.invalid/api/v10/"),
            attempts.stoppedAtWait(2));

    attempts.assertStoppedWhileUnresolvable(bot::start, "Discord", 2);
    assertThat(chats.find(Platform.DISCORD)).isEmpty();
  }

  @Test
  void aRefusedTokenEndsTheStartWithTheSettingToFix() throws IOException {
    FakeDiscord discord = attempts.closeLater(new FakeDiscord().start());
    DiscordBot bot = bot("not-the-token", discord::configure, attempts.retry(wait -> {}));

    assertThatThrownBy(bot::start)
        .isInstanceOf(PlatformConnectException.class)
        .hasMessageStartingWith("Discord refused the bot token. Set discord.token (DISCORD_TOKEN)")
        .message()
        .doesNotContain("not-the-token");
    assertThat(attempts.waits()).isEmpty();
    assertThat(attempts.notices()).isEmpty();
  }

  private DiscordBot bot(
      String token,
      java.util.function.UnaryOperator<net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder>
          connection,
      ConnectRetry retry) {
    ConversationHandler conversation =
        new ConversationHandler(
            mock(EditService.class), mock(AdminService.class), chats, Clock.systemUTC());
    DiscordBot bot =
        new DiscordBot(
            new DiscordConfig(Secret.of(token), null), conversation, chats, connection, retry);
    return attempts.closeLater(bot);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
