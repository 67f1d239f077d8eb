package dev.klingbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import dev.klingbot.config.MediaConfig;
import dev.klingbot.config.Secret;
import dev.klingbot.config.SlackConfig;
import dev.klingbot.core.admin.AdminService;
import dev.klingbot.core.chat.ChatPorts;
import dev.klingbot.core.chat.ConnectRetry;
import dev.klingbot.core.chat.PlatformConnectException;
import dev.klingbot.core.store.Database;
import dev.klingbot.core.store.SeenEventStore;
import dev.klingbot.core.testing.StartAttempts;
import dev.klingbot.core.testing.TestDatabases;
import dev.klingbot.core.workflow.EditService;
import dev.klingbot.slack.fake.FakeSlack;
import dev.klingbot.slack.fake.SocketModeSlack;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Starting while Slack cannot be reached: the bot says so in one line per attempt, keeps trying
 * with growing waits instead of giving up, and connects once Slack answers; a refused token still
 * ends the start with a sentence naming the setting. The waits go through the retry's sleeper, so
 * nothing here waits for real.
 */
class SlackStartTest {
  private final Database database = TestDatabases.h2();
  private final ChatPorts chats = new ChatPorts();
  private final StartAttempts attempts = new StartAttempts();

  @AfterEach
  void close() throws Exception {
    attempts.close();
    database.close();
  }

  @Test
  void socketModeWaitsForAnUnreachableSlackAndConnectsWhenItAnswers() throws Exception {
    int port = FakeSlack.freePort();
    SocketModeSlack socket = new SocketModeSlack();
    ConnectRetry retry =
        attempts.retry(
            wait -> {
              if (attempts.waits().size() == 3) { // Slack comes back after the third wait
                FakeSlack slack = attempts.closeLater(new FakeSlack(port));
                slack.socket(socket);
              }
            });
    SlackBot bot = attempts.closeLater(bot(socketConfig(FakeSlack.APP_TOKEN), port, retry));

    bot.start();

    attempts.assertToldUnreachable("Slack", 3);
    assertThat(attempts.waits()).hasSize(3);
    assertThat(attempts.waits().get(2)).isGreaterThan(attempts.waits().get(0));
    socket.awaitConnected(Duration.ofSeconds(15));
    assertThat(chats.find(dev.klingbot.core.Platform.SLACK)).isPresent();
  }

  @Test
  void anUnresolvableSlackIsToldAsSuchAndTriedAgain() throws Exception {
    com.slack.api.SlackConfig nowhere = new com.slack.api.SlackConfig();
    nowhere.setMethodsEndpointUrlPrefix("http://slack.invalid/api/");
    SlackBot bot =
        attempts.closeLater(
            bot(socketConfig(FakeSlack.APP_TOKEN), nowhere, attempts.stoppedAtWait(2)));

    attempts.assertStoppedWhileUnresolvable(bot::start, "Slack", 2);
    assertThat(chats.find(dev.klingbot.core.Platform.SLACK)).isEmpty();
  }

  @Test
  void aRefusedBotTokenEndsTheStartWithTheSettingToFix() {
    FakeSlack slack = attempts.closeLater(new FakeSlack());
    SlackConfig config =
        new SlackConfig(
            Secret.of("xoxb-wrong"), Secret.of(FakeSlack.APP_TOKEN), null, "socket", List.of());
    SlackBot bot = attempts.closeLater(bot(config, slack.apiConfig(), attempts.retry(wait -> {})));

    assertRefusedAtOnce(
        bot,
        "Slack refused the bot token (not_authed). Set slack.bot-token",
        "SLACK_BOT_TOKEN",
        "xoxb-wrong",
        FakeSlack.APP_TOKEN);
    assertThat(slack.calls("apps.connections.open")).isEmpty();
    assertThat(slack.calls("auth.test"))
        .as(
            "the SDK's statistics are off: they would ask auth.test again, and log a stack trace"
                + " whenever Slack cannot be reached")
        .hasSize(1);
  }

  @Test
  void aRefusedAppTokenEndsTheStartWithTheSettingToFix() {
    FakeSlack slack = attempts.closeLater(new FakeSlack());
    SlackBot bot =
        attempts.closeLater(
            bot(socketConfig("xapp-wrong"), slack.apiConfig(), attempts.retry(w -> {})));

    assertRefusedAtOnce(
        bot,
        "Slack refused the app-level token (not_authed).",
        "SLACK_APP_TOKEN",
        "xapp-wrong",
        FakeSlack.BOT_TOKEN);
  }

  @Test
  void aSlackOutageAnsweredWith503IsWaitedOutLikeAnUnreachableOne() throws Exception {
    FakeSlack slack = attempts.closeLater(new FakeSlack());
    slack.script("auth.test", FakeSlack.json(503, "{\"ok\":false}"));
    SlackConfig http =
        new SlackConfig(
            Secret.of(FakeSlack.BOT_TOKEN), null, Secret.of("signing"), "http", List.of());
    SlackBot bot = attempts.closeLater(bot(http, slack.apiConfig(), attempts.retry(w -> {})));

    bot.start();

    assertThat(attempts.notices())
        .singleElement()
        .asString()
        .startsWith("Slack cannot be reached (Slack answered HTTP 503)");
    assertThat(chats.find(dev.klingbot.core.Platform.SLACK)).isPresent();
  }

  private static SlackConfig socketConfig(String appToken) {
    return new SlackConfig(
        Secret.of(FakeSlack.BOT_TOKEN), Secret.of(appToken), null, "socket", List.of());
  }

  private SlackBot bot(SlackConfig config, int port, ConnectRetry retry) {
    return bot(config, FakeSlack.apiConfigAt(port), retry);
  }

  private SlackBot bot(SlackConfig config, com.slack.api.SlackConfig api, ConnectRetry retry) {
    return new SlackBot(
        config,
        MediaConfig.defaults(),
        TestBot.conversation(mock(EditService.class), mock(AdminService.class), chats),
        chats,
        new SeenEventStore(database)::firstTime,
        api,
        new SlackApi.Retry(1, Duration.ZERO, Duration.ZERO, d -> {}),
        retry);
  }

  /**
   * The start ends at once, without a retry, with a sentence that starts with {@code start} and
   * names the {@code setting} to fix, and shows none of the {@code tokens}.
   */
  private void assertRefusedAtOnce(SlackBot bot, String start, String setting, String... tokens) {
    assertThatThrownBy(bot::start)
        .isInstanceOf(PlatformConnectException.class)
        .hasMessageStartingWith(start)
        .hasMessageContaining(setting)
        .message()
        .doesNotContain(tokens);
    assertThat(attempts.waits()).isEmpty();
  }
}
