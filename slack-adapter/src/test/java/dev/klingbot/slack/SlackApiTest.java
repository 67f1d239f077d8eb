package dev.klingbot.slack;

import static dev.klingbot.core.testing.ChatFailures.assertChatFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.Slack;
import dev.klingbot.core.Platform;
import dev.klingbot.core.chat.ChatException;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.chat.Conversation;
import dev.klingbot.slack.fake.FakeSlack;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Web API calls: every answer's {@code ok} is checked, Retry-After is honoured but bounded. */
class SlackApiTest {
  private final FakeSlack fake = new FakeSlack();
  private final Slack slack = Slack.getInstance(fake.apiConfig());
  private final List<Duration> sleeps = new ArrayList<>();
  private final SlackApi api =
      new SlackApi(
          slack.methods(FakeSlack.BOT_TOKEN),
          new SlackApi.Retry(3, Duration.ofSeconds(30), Duration.ofMillis(10), sleeps::add));
  private final SlackChat chat = new SlackChat(api, HttpClient.newHttpClient());
  private final Conversation thread = new Conversation(Platform.SLACK, "T1", "C1", "1700.1");

  @AfterEach
  void close() throws Exception {
    slack.close();
    fake.close();
  }

  private static MockResponse rateLimited(String seconds) {
    return FakeSlack.json(429, "{\"ok\":false,\"error\":\"ratelimited\"}")
        .newBuilder()
        .addHeader("Retry-After", seconds)
        .build();
  }

  @Test
  void anEarlierResultIsFoundAmongTheBotsRecentRepliesInTheThread() {
    fake.script(
        "conversations.replies",
        FakeSlack.json(
            200,
            "{\"ok\":true,\"has_more\":false,\"messages\":["
                + "{\"type\":\"message\",\"user\":\"U1\",\"ts\":\"1700.1\","
                + "\"text\":\"<@UBOT> remove the car\"},"
                + "{\"type\":\"message\",\"user\":\"U1\",\"ts\":\"1700.3\","
                + "\"text\":\"did Your edit `K7Q2MX4A` is ready: work?\"},"
                + "{\"type\":\"message\",\"bot_id\":\"BBOT\",\"ts\":\"1700.4\","
                + "\"text\":\"Processing edit `K7Q2MX4A`\"},"
                + "{\"type\":\"message\",\"bot_id\":\"BBOT\",\"ts\":\"1700.5\","
                + "\"text\":\"<@U1> ✅ Your edit `K7Q2MX4A` is ready: Remove the car.\"}]}"));

    var found =
        chat.findRecent(
            thread,
            "Your edit `K7Q2MX4A` is ready: ",
            java.time.Instant.parse("2026-12-01T10:00:00Z"));

    assertThat(found).map(ref -> ref.id()).contains("1700.5");
    FakeSlack.Call call = fake.calls("conversations.replies").get(0);
    assertThat(call.param("channel")).isEqualTo("C1");
    assertThat(call.param("ts")).isEqualTo("1700.1");
    assertThat(call.param("limit")).isEqualTo("50");
    assertThat(call.param("oldest")).isEqualTo("1796119140.000000");
  }

  @Test
  void noEarlierResultWhenOnlyPeopleQuoteTheEditId() {
    fake.script(
        "conversations.replies",
        FakeSlack.json(
            200,
            "{\"ok\":true,\"messages\":[{\"type\":\"message\",\"user\":\"U1\","
                + "\"ts\":\"1700.3\",\"text\":\"Your edit `K7Q2MX4A` is ready: ?\"}]}"));

    assertThat(chat.findRecent(thread, "Your edit `K7Q2MX4A` is ready: ", null)).isEmpty();
  }

  @Test
  void aRateLimitedCallWaitsAsLongAsSlackSaysAndSucceeds() {
    fake.script("chat.postMessage", rateLimited("2"));

    var posted = chat.post(thread, ChatMessage.text("hello"));

    assertThat(posted.id()).isNotBlank();
    assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
    assertThat(fake.calls("chat.postMessage")).hasSize(2);
  }

  @Test
  void rateLimitsThatDoNotEndGiveUpAfterTheLastAttempt() {
    for (int i = 0; i < 5; i++) {
      fake.script("chat.postMessage", rateLimited("1"));
    }

    assertChatFailure(() -> chat.post(thread, ChatMessage.text("hello")), true);
    assertThat(fake.calls("chat.postMessage")).hasSize(3);
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void aRetryAfterLongerThanTheLimitIsNotWaitedFor() {
    fake.script("chat.update", rateLimited("3600"));

    assertChatFailure(
        () ->
            chat.edit(
                new dev.klingbot.core.chat.MessageRef(thread, "1700.2"), ChatMessage.text("x")),
        true);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void lostAccessIsNotRetryable() {
    fake.script(
        "chat.postMessage", FakeSlack.json(200, "{\"ok\":false,\"error\":\"not_in_channel\"}"));

    ChatException lost =
        assertChatFailure(() -> chat.post(thread, ChatMessage.text("hello")), false);
    assertThat(lost).hasMessageContaining("not_in_channel");
    assertThat(chat.explain(lost)).contains("not a member");
    assertThat(fake.calls("chat.postMessage")).hasSize(1);
  }

  @Test
  void serverErrorsAreRetriedBriefly() {
    fake.script("chat.postMessage", FakeSlack.json(503, "{\"ok\":false}"));

    chat.post(thread, ChatMessage.text("hello"));

    assertThat(sleeps).containsExactly(Duration.ofMillis(10));
  }

  @Test
  void tokensNeverAppearInFailures() {
    fake.script(
        "chat.postMessage", FakeSlack.json(200, "{\"ok\":false,\"error\":\"invalid_auth\"}"));

    assertThatThrownBy(() -> chat.post(thread, ChatMessage.text("hello")))
        .isInstanceOf(ChatException.class)
        .message()
        .doesNotContain(FakeSlack.BOT_TOKEN);
  }

  @Test
  void anEphemeralMessageGoesToItsUserOnly() {
    chat.post(thread, ChatMessage.ephemeral("only for you").mentioning("U_ALICE"));

    assertThat(fake.calls("chat.postEphemeral"))
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.param("user")).isEqualTo("U_ALICE");
              assertThat(call.param("thread_ts")).isEqualTo("1700.1");
              assertThat(call.shown()).contains("only for you");
            });
    assertThat(fake.calls("chat.postMessage")).isEmpty();
  }

  @Test
  void refusedBlocksFallBackToThePlainText() {
    fake.script(
        "chat.postMessage", FakeSlack.json(200, "{\"ok\":false,\"error\":\"invalid_blocks\"}"));

    chat.post(thread, ChatMessage.text("**Done**"));

    assertThat(fake.calls("chat.postMessage")).hasSize(2);
    assertThat(fake.calls("chat.postMessage").get(1).param("blocks")).isNull();
    assertThat(fake.calls("chat.postMessage").get(1).param("text")).isEqualTo("*Done*");
  }
}
