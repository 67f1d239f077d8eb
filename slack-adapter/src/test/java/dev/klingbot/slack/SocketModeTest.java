package dev.klingbot.slack;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import dev.klingbot.config.MediaConfig;
import dev.klingbot.config.Secret;
import dev.klingbot.config.SlackConfig;
import dev.klingbot.core.admin.AdminService;
import dev.klingbot.core.chat.ChatPorts;
import dev.klingbot.core.store.Database;
import dev.klingbot.core.store.SeenEventStore;
import dev.klingbot.core.testing.TestDatabases;
import dev.klingbot.core.workflow.EditService;
import dev.klingbot.slack.fake.FakeSlack;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Socket Mode start-up problems. Envelopes over a working connection are covered on the wire in
 * {@code dev.klingbot.slack.fake} (SlackWireEditTest, SlackWireEventsTest).
 */
class SocketModeTest {
  @Test
  void aRefusedAppTokenIsReportedInPlainWords() {
    try (FakeSlack slack = new FakeSlack();
        Database database = TestDatabases.h2()) {
      SlackConfig config =
          new SlackConfig(
              Secret.of(FakeSlack.BOT_TOKEN), Secret.of("xapp-wrong"), null, "socket", List.of());
      try (SlackBot bot =
          new SlackBot(
              config,
              MediaConfig.defaults(),
              TestBot.conversation(
                  mock(EditService.class), mock(AdminService.class), new ChatPorts()),
              new ChatPorts(),
              new SeenEventStore(database)::firstTime,
              slack.apiConfig())) {
        assertThatThrownBy(bot::start)
            .isInstanceOf(dev.klingbot.core.chat.PlatformConnectException.class)
            .hasMessageContaining("Slack refused the app-level token (not_authed)")
            .hasMessageContaining("SLACK_APP_TOKEN")
            .message()
            .doesNotContain("xapp-wrong", FakeSlack.BOT_TOKEN);
      }
    }
  }
}
