package dev.klingbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.slack.fake.FakeSlack;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bot speaks Chinese to a person whose Slack is set to Chinese, and, when Slack does not say,
 * the language the workspace's admins chose; English otherwise.
 */
class SlackLanguageTest extends WorkflowBotTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void aPersonWhoseSlackIsInChineseIsAnsweredInChinese() throws InterruptedException {
    bot.slack.userLocale("U_ALICE", "zh-CN");

    bot.requests.event(
        SlackRequests.mention("U_ALICE", "1700000000.000100", null, "hi", List.of()));

    FakeSlack.Call answer = bot.slack.await("chat.postMessage", c -> true, WAIT);
    assertThat(answer.shown()).contains("要编辑视频，请上传视频").doesNotContain("To edit a video");
  }

  @Test
  void theWorkspacesLanguageIsSpokenWhereSlackDoesNotSayAndAPersonsOwnWins()
      throws InterruptedException {
    bot.requests.command("U_ADMIN", "admin language set zh", bot.slack.responseUrl("set"));
    FakeSlack.Call set = bot.slack.await("respond", c -> c.shown().contains("本服务器"), WAIT);
    assertThat(set.shown()).contains("中文");

    bot.requests.event(SlackRequests.mention("U_BOB", "1700000000.000200", null, "hi", List.of()));
    FakeSlack.Call bob =
        bot.slack.await(
            "chat.postMessage", c -> "1700000000.000200".equals(c.param("thread_ts")), WAIT);
    assertThat(bob.shown()).as("Slack says nothing of Bob's language").contains("要编辑视频");

    bot.slack.userLocale("U_ALICE", "en-US");
    bot.requests.event(
        SlackRequests.mention("U_ALICE", "1700000000.000300", null, "hi", List.of()));
    FakeSlack.Call alice =
        bot.slack.await(
            "chat.postMessage", c -> "1700000000.000300".equals(c.param("thread_ts")), WAIT);
    assertThat(alice.shown()).contains("To edit a video").doesNotContain("要编辑视频");
  }
}
