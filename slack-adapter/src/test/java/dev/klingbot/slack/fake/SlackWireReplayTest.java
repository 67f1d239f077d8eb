package dev.klingbot.slack.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.Platform;
import dev.klingbot.core.testing.WorkflowFixture;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP mode against replays: a captured signed request is refused the second time, whatever retry
 * headers are added to it (they are not signed), also after a restart.
 */
class SlackWireReplayTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String FORM = "application/x-www-form-urlencoded";

  private final WireWorld world = new WireWorld(WireBot.Mode.HTTP, false);
  private final WorkflowFixture fixture = world.fixture;
  private final FakeSlack slack = world.slack;
  private final WireBot bot = world.bot;

  @AfterEach
  void close() {
    world.close();
  }

  private SignedHttpSlack.Sent quotaCommand(int daily, String name) {
    return bot.http()
        .sign(
            FORM,
            SlackPayloads.form(
                SlackPayloads.command(
                    "U_ADMIN", "admin quota set daily " + daily, slack.responseUrl(name))));
  }

  @Test
  void aCapturedAdminCommandRunsOnceEvenWithARetryHeaderAdded() throws Exception {
    SignedHttpSlack.Sent captured = quotaCommand(50, "first");
    assertThat(bot.http().post(captured, Map.of()).status()).isEqualTo(200);
    slack.await("respond", c -> c.shown().contains("is now 50"), WAIT);
    assertThat(bot.http().post(quotaCommand(7, "second"), Map.of()).status()).isEqualTo(200);
    slack.await("respond", c -> c.shown().contains("is now 7"), WAIT);

    SignedHttpSlack.Answer replay =
        bot.http()
            .post(captured, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "timeout"));
    SignedHttpSlack.Answer plain = bot.http().post(captured, Map.of());

    assertThat(replay.status()).isEqualTo(401);
    assertThat(plain.status()).isEqualTo(401);
    assertThat(fixture.quota.policy(Platform.SLACK, FakeSlack.TEAM).dailyUnits()).isEqualTo(7);
  }

  @Test
  void aReplayAfterARestartIsStillRefused() throws Exception {
    SignedHttpSlack.Sent captured = quotaCommand(50, "first");
    assertThat(bot.http().post(captured, Map.of()).status()).isEqualTo(200);
    slack.await("respond", c -> c.shown().contains("is now 50"), WAIT);

    bot.restart();

    assertThat(bot.http().post(captured, Map.of("X-Slack-Retry-Num", "2")).status()).isEqualTo(401);
  }

  @Test
  void aCapturedButtonPressIsAcceptedOnce() {
    String payload =
        SlackPayloads.press(
            "U_ALICE",
            "status:ABCD2345",
            "1700000000.1",
            "1700000000.1",
            SlackPayloads.ACTIONS_BLOCK);
    SignedHttpSlack.Sent captured =
        bot.http().sign(FORM, SlackPayloads.form(Map.of("payload", payload)));

    assertThat(bot.http().post(captured, Map.of()).status()).isEqualTo(200);
    assertThat(bot.http().post(captured, Map.of("X-Slack-Retry-Num", "1")).status()).isEqualTo(401);
  }
}
