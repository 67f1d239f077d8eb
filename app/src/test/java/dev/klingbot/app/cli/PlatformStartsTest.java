package dev.klingbot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.chat.PlatformConnectException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PlatformStartsTest {
  private final CountDownLatch stop = new CountDownLatch(1);

  @Test
  void aPlatformStillWaitingHoldsUpNeitherTheOtherOneNorTheRun() throws Exception {
    CountDownLatch slackConnected = new CountDownLatch(1);
    CountDownLatch discordWaiting = new CountDownLatch(1);
    try (PlatformStarts starts = new PlatformStarts(stop)) {
      starts.start(
          "Discord",
          () -> {
            discordWaiting.countDown();
            try {
              new CountDownLatch(1).await(); // Discord cannot be reached: its bot keeps waiting
            } catch (InterruptedException e) {
              throw new IllegalStateException("stopped while waiting to connect to Discord", e);
            }
          },
          () -> {});
      starts.start("Slack", () -> {}, slackConnected::countDown);

      assertThat(slackConnected.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(discordWaiting.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(stop.getCount()).as("the run goes on").isEqualTo(1);
      assertThat(starts.failure()).isEmpty();
    }
    // stopping the bot while Discord is still waiting is no failure
    assertThat(stop.getCount()).isEqualTo(1);
  }

  @Test
  void aRefusedTokenEndsTheRunWithItsSentence() throws Exception {
    try (PlatformStarts starts = new PlatformStarts(stop)) {
      starts.start(
          "Discord",
          () -> {
            throw PlatformConnectException.refused(
                "Discord refused the bot token. Set discord.token (DISCORD_TOKEN) ...", null);
          },
          () -> {
            throw new AssertionError("connected");
          });

      assertThat(stop.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(starts.failure())
          .get()
          .extracting(UserErrors::describe)
          .isEqualTo("Discord refused the bot token. Set discord.token (DISCORD_TOKEN) ...");
    }
  }
}
