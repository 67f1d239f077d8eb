package dev.klingbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.klingbot.core.admin.AdminService;
import dev.klingbot.core.chat.ChatPorts;
import dev.klingbot.core.workflow.EditService;
import dev.klingbot.core.workflow.Reply;
import dev.klingbot.slack.fake.FakeSlack;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTP mode: Bolt's signature and timestamp check is on, and replays are refused too. */
class SlackSignatureTest {
  private final EditService edits = mock(EditService.class);
  private final TestBot bot = new TestBot(edits, mock(AdminService.class), new ChatPorts());
  private String body;

  @BeforeEach
  void quota() {
    when(edits.quota(any())).thenReturn(Reply.text("📊 Quota"));
    body =
        SlackRequests.form(
            Map.of(
                "command",
                "/kling",
                "text",
                "quota",
                "team_id",
                FakeSlack.TEAM,
                "channel_id",
                SlackRequests.CHANNEL,
                "user_id",
                "U_ALICE",
                "response_url",
                bot.slack.responseUrl("sig")));
  }

  @AfterEach
  void close() {
    bot.close();
  }

  private static final String FORM = "application/x-www-form-urlencoded";

  @Test
  void aCorrectlySignedRequestIsHandled() {
    SlackHttpResponse response = bot.requests.send(body, FORM);

    assertThat(response.status()).isEqualTo(200);
    verify(edits, timeout(5000)).quota(any());
  }

  @Test
  void aForgedSignatureIsRefused() {
    long now = Instant.now().getEpochSecond();

    SlackHttpResponse wrongSecret = bot.requests.send(body, FORM, now, "not-the-secret");
    SlackHttpResponse noSignature =
        bot.requests.sendWithHeaders(body, FORM, Long.toString(now), "");

    assertThat(wrongSecret.status()).isEqualTo(401);
    assertThat(noSignature.status()).isEqualTo(401);
    verifyNoInteractions(edits);
  }

  @Test
  void aStaleRequestIsRefusedEvenWithAValidSignature() {
    long sixMinutesAgo = Instant.now().getEpochSecond() - 6 * 60;

    SlackHttpResponse response =
        bot.requests.send(body, FORM, sixMinutesAgo, SlackRequests.SIGNING_SECRET);

    assertThat(response.status()).isEqualTo(401);
    verifyNoInteractions(edits);
  }

  @Test
  void theUrlVerificationChallengeIsAnswered() {
    String challenge = "{\"token\":\"t\",\"challenge\":\"abc123\",\"type\":\"url_verification\"}";

    SlackHttpResponse response = bot.requests.send(challenge, "application/json");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText()).contains("abc123");
  }

  @Test
  void onlyPostsToTheSlackPathAreAccepted() {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    SlackHttpHandler handler = bot.bot.httpHandler().orElseThrow();

    assertThat(handler.handle("POST", "/other", null, Map.of(), bytes).status()).isEqualTo(404);
    assertThat(handler.handle("GET", SlackHttpHandler.PATH, null, Map.of(), bytes).status())
        .isEqualTo(405);
    assertThat(
            handler
                .handle(
                    "POST",
                    SlackHttpHandler.PATH,
                    null,
                    Map.of("Content-Type", List.of(FORM)),
                    "nonsense".getBytes(StandardCharsets.UTF_8))
                .status())
        .isIn(400, 401);
  }
}
