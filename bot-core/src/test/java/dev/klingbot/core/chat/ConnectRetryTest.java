package dev.klingbot.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConnectRetryTest {
  private final List<Duration> waits = new ArrayList<>();
  private final List<String> notices = new ArrayList<>();
  private final ConnectRetry retry =
      new ConnectRetry(Duration.ofSeconds(2), Duration.ofSeconds(60), waits::add, notices::add);

  @Test
  void anUnreachablePlatformIsTriedAgainWithGrowingCappedWaitsUntilItAnswers() {
    AtomicInteger attempts = new AtomicInteger();

    String connected =
        retry.connect(
            "Slack",
            () -> {
              if (attempts.incrementAndGet() < 9) {
                throw PlatformConnectException.unreachable("cannot resolve slack.com", null);
              }
              return "connected";
            });

    assertThat(connected).isEqualTo("connected");
    assertThat(attempts).hasValue(9);
    assertThat(waits).hasSize(8);
    // 2, 4, 8, 16, 32 s, then capped at 60 s; each varied by at most 20 %
    long[] expected = {2, 4, 8, 16, 32, 60, 60, 60};
    for (int i = 0; i < expected.length; i++) {
      assertThat(waits.get(i).toMillis())
          .as("wait %d", i + 1)
          .isBetween(expected[i] * 800, expected[i] * 1200);
    }
    assertThat(waits).as("jitter varies the waits").doesNotHaveDuplicates();
    assertThat(notices).hasSize(8);
    assertThat(notices.get(0))
        .matches(
            "Slack cannot be reached \\(cannot resolve slack\\.com\\); trying again in \\d s"
                + " \\(attempt 1\\)\\.");
    assertThat(notices.get(7)).endsWith("(attempt 8).");
  }

  @Test
  void aRefusalEndsAtOnceWithItsSentence() {
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(
            () ->
                retry.connect(
                    "Discord",
                    () -> {
                      attempts.incrementAndGet();
                      throw PlatformConnectException.refused(
                          "Discord refused the bot token: set DISCORD_TOKEN.", null);
                    }))
        .isInstanceOf(PlatformConnectException.class)
        .hasMessage("Discord refused the bot token: set DISCORD_TOKEN.");
    assertThat(attempts).hasValue(1);
    assertThat(waits).isEmpty();
    assertThat(notices).isEmpty();
  }

  @Test
  void aRefusalAfterAnOutageStillEndsTheAttempts() {
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(
            () ->
                retry.connect(
                    "Slack",
                    () -> {
                      if (attempts.incrementAndGet() == 1) {
                        throw PlatformConnectException.unreachable("cannot connect", null);
                      }
                      throw PlatformConnectException.refused("token refused", null);
                    }))
        .hasMessage("token refused");
    assertThat(waits).hasSize(1);
  }

  @Test
  void anInterruptedWaitStopsTryingAndKeepsTheInterrupt() {
    ConnectRetry interrupted =
        new ConnectRetry(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            d -> {
              throw new InterruptedException();
            },
            notices::add);
    try {
      assertThatThrownBy(
              () ->
                  interrupted.connect(
                      "Slack",
                      () -> {
                        throw PlatformConnectException.unreachable("cannot connect", null);
                      }))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("stopped while waiting to connect to Slack");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void networkProblemsAreToldApartFromOtherFailures() {
    assertThat(
            PlatformConnectException.networkProblem(
                new IllegalStateException(new UnknownHostException("slack.com"))))
        .contains("cannot resolve slack.com");
    assertThat(
            PlatformConnectException.networkProblem(
                new RuntimeException(new ConnectException("Connection refused"))))
        .contains("cannot connect: Connection refused");
    assertThat(PlatformConnectException.networkProblem(new IOException("stream reset")))
        .contains("network error: stream reset");
    assertThat(PlatformConnectException.networkProblem(new IllegalArgumentException("bad")))
        .isEmpty();
  }
}
