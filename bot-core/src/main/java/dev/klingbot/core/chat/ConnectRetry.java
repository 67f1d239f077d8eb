package dev.klingbot.core.chat;

import static java.util.Objects.requireNonNull;

import dev.failsafe.Execution;
import dev.failsafe.RetryPolicy;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects to a chat platform, trying again while it cannot be reached: capped exponential backoff
 * with jitter (a Failsafe {@link RetryPolicy}, run as a standalone {@link Execution} so the waiting
 * goes through a {@link Sleeper} that tests replace). Each unanswered attempt logs one line,
 * without a stack trace; a refusal ({@link PlatformConnectException#refused}) or any other failure
 * ends the attempts at once.
 */
public final class ConnectRetry {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectRetry.class);
  private static final double JITTER = 0.2;

  /** How the wait between two attempts is spent. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final Duration firstWait;
  private final Duration maxWait;
  private final Sleeper sleeper;
  private final Consumer<String> notices;

  /**
   * @param firstWait the wait after the first unanswered attempt (doubled after each next one)
   * @param maxWait the longest wait between two attempts
   */
  public ConnectRetry(Duration firstWait, Duration maxWait, Sleeper sleeper) {
    this(firstWait, maxWait, sleeper, LOG::warn);
  }

  /** A retry whose lines about unanswered attempts go to {@code notices} (tests read them). */
  public ConnectRetry(
      Duration firstWait, Duration maxWait, Sleeper sleeper, Consumer<String> notices) {
    this.firstWait = requireNonNull(firstWait, "firstWait is null");
    this.maxWait = requireNonNull(maxWait, "maxWait is null");
    this.sleeper = requireNonNull(sleeper, "sleeper is null");
    this.notices = requireNonNull(notices, "notices is null");
    if (firstWait.isNegative() || firstWait.isZero() || maxWait.compareTo(firstWait) <= 0) {
      throw new IllegalArgumentException(
          "waits must be positive and maxWait longer than firstWait: "
              + firstWait
              + ", "
              + maxWait);
    }
  }

  /** 2 seconds first, doubling up to 5 minutes, sleeping the thread (an interrupt stops it). */
  public static ConnectRetry standard() {
    return new ConnectRetry(
        Duration.ofSeconds(2), Duration.ofMinutes(5), d -> Thread.sleep(d.toMillis()));
  }

  /**
   * Runs {@code attempt} until it returns, trying again after each {@link
   * PlatformConnectException#unreachable() unreachable} failure.
   *
   * @param platform the platform's name in the log lines ("Slack", "Discord")
   * @throws PlatformConnectException when the platform refused the bot
   * @throws IllegalStateException when interrupted while waiting (the bot is being stopped)
   */
  public <T> T connect(String platform, Supplier<T> attempt) {
    RetryPolicy<Object> policy =
        RetryPolicy.builder()
            .handleIf(failure -> failure instanceof PlatformConnectException e && e.unreachable())
            .withBackoff(firstWait, maxWait)
            .withJitter(JITTER)
            .withMaxRetries(-1)
            .build();
    Execution<Object> execution = Execution.of(policy);
    for (int attempts = 1; ; attempts++) {
      try {
        T connected = attempt.get();
        execution.recordResult(connected);
        if (attempts > 1) {
          LOG.info("{} answered; connected at attempt {}.", platform, attempts);
        }
        return connected;
      } catch (PlatformConnectException e) {
        execution.recordException(e);
        if (!e.unreachable() || execution.isComplete()) {
          throw e;
        }
        Duration wait = execution.getDelay();
        notices.accept(
            platform
                + " cannot be reached ("
                + e.getMessage()
                + "); trying again in "
                + words(wait)
                + " (attempt "
                + attempts
                + ").");
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(
              "stopped while waiting to connect to " + platform, interrupted);
        }
      }
    }
  }

  private static String words(Duration wait) {
    long seconds = Math.max(1, Math.round(wait.toMillis() / 1000.0));
    return seconds < 120 ? seconds + " s" : Math.round(seconds / 60.0) + " min";
  }
}
