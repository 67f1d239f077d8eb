package dev.klingbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import com.google.gson.Gson;
import dev.klingbot.config.MediaConfig;
import dev.klingbot.config.Secret;
import dev.klingbot.config.SlackConfig;
import dev.klingbot.core.Platform;
import dev.klingbot.core.admin.AdminService;
import dev.klingbot.core.chat.ChatPorts;
import dev.klingbot.core.store.Database;
import dev.klingbot.core.store.SeenEventStore;
import dev.klingbot.core.testing.TestDatabases;
import dev.klingbot.core.workflow.EditService;
import dev.klingbot.slack.fake.FakeSlack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.Test;

/**
 * Socket Mode end to end with the Java-WebSocket backend: the bot opens the connection the fake
 * {@code apps.connections.open} names, acknowledges an envelope over it and answers the command.
 */
class SocketModeTest {
  private static final Gson GSON = new Gson();

  @Test
  void aSlashCommandArrivesOverTheSocketAndIsAcknowledged() throws Exception {
    BlockingQueue<String> fromBot = new LinkedBlockingQueue<>();
    try (FakeSlack slack = new FakeSlack();
        Database database = TestDatabases.h2()) {
      String envelope =
          GSON.toJson(
              Map.of(
                  "envelope_id",
                  "E1",
                  "type",
                  "slash_commands",
                  "accepts_response_payload",
                  true,
                  "payload",
                  Map.of(
                      "team_id", FakeSlack.TEAM,
                      "channel_id", SlackRequests.CHANNEL,
                      "user_id", "U_ALICE",
                      "user_name", "alice",
                      "command", "/kling",
                      "text", "help",
                      "api_app_id", "A1",
                      "response_url", slack.responseUrl("socket"),
                      "trigger_id", "trigger-9")));
      slack.socket(
          new WebSocketListener() {
            @Override
            public void onOpen(WebSocket socket, Response response) {
              socket.send("{\"type\":\"hello\",\"num_connections\":1}");
              socket.send(envelope);
            }

            @Override
            public void onMessage(WebSocket socket, String text) {
              fromBot.add(text);
            }

            @Override
            public void onClosing(WebSocket socket, int code, String reason) {
              socket.close(code, reason);
            }
          });
      SlackConfig config =
          new SlackConfig(
              Secret.of(FakeSlack.BOT_TOKEN),
              Secret.of(FakeSlack.APP_TOKEN),
              null,
              "socket",
              List.of());
      ChatPorts chats = new ChatPorts();
      try (SlackBot bot =
          new SlackBot(
              config,
              MediaConfig.defaults(),
              mock(EditService.class),
              mock(AdminService.class),
              chats,
              new SeenEventStore(database),
              slack.apiConfig())) {
        bot.start();

        assertThat(bot.httpHandler()).isEmpty();
        assertThat(chats.find(Platform.SLACK)).isPresent();
        assertThat(fromBot.poll(15, TimeUnit.SECONDS)).contains("\"envelope_id\":\"E1\"");
        FakeSlack.Call help =
            slack.await(
                "respond", c -> c.shown().contains("/kling status"), Duration.ofSeconds(15));
        assertThat(help.param("response_type")).isEqualTo("ephemeral");
        assertThat(slack.calls("apps.connections.open")).isNotEmpty();
      }
    }
  }

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
              mock(EditService.class),
              mock(AdminService.class),
              new ChatPorts(),
              new SeenEventStore(database),
              slack.apiConfig())) {
        assertThatThrownBy(bot::start)
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("SLACK_APP_TOKEN: Slack apps.connections.open failed: not_authed")
            .message()
            .doesNotContain("xapp-wrong", FakeSlack.BOT_TOKEN);
      }
    }
  }
}
