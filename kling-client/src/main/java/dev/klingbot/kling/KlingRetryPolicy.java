package dev.klingbot.kling;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How often and how patiently the client retries a failed call: at most {@code maxAttempts}
 * attempts in all, with capped exponential backoff ({@code initialDelay}, doubling, at most {@code
 * maxDelay}) and jitter (each delay is shortened by a random fraction of at most {@code jitter}). A
 * {@code Retry-After} header (seconds or an HTTP date) replaces the computed delay, capped at
 * {@link #MAX_RETRY_AFTER}. For code 1303 (too many parallel tasks) the backoff starts one step
 * later (1 s with the defaults).
 *
 * <p>Which failures are retried is decided by {@link KlingException#retryable()} (and, for
 * create-task, by the external-task-id check described on {@link OkHttpKlingClient}).
 */
public record KlingRetryPolicy(
    int maxAttempts, Duration initialDelay, Duration maxDelay, double jitter) {
  /** The longest {@code Retry-After} the client waits; longer ones are cut to this. */
  public static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

  public KlingRetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException(
          "maxAttempts is " + maxAttempts + "; it counts the first call too, so use 1 or more");
    }
    requireNonNull(initialDelay, "initialDelay is null");
    requireNonNull(maxDelay, "maxDelay is null");
    if (initialDelay.isNegative() || maxDelay.isNegative()) {
      throw new IllegalArgumentException("retry delays are negative; use zero or more");
    }
    if (initialDelay.compareTo(maxDelay) > 0) {
      throw new IllegalArgumentException(
          "initialDelay "
              + initialDelay
              + " is longer than maxDelay "
              + maxDelay
              + "; make maxDelay at least initialDelay");
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException(
          "jitter is " + jitter + "; it is a fraction of the delay from 0 to 1");
    }
  }

  /** 4 attempts, 500 ms initial delay, 8 s maximum delay, 25 % jitter. */
  public static KlingRetryPolicy defaults() {
    return new KlingRetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8), 0.25);
  }

  /** One attempt, no retry. */
  public static KlingRetryPolicy noRetries() {
    return new KlingRetryPolicy(1, Duration.ZERO, Duration.ZERO, 0);
  }

  public KlingRetryPolicy withMaxAttempts(int maxAttempts) {
    return new KlingRetryPolicy(maxAttempts, initialDelay, maxDelay, jitter);
  }

  public KlingRetryPolicy withDelays(Duration initialDelay, Duration maxDelay) {
    return new KlingRetryPolicy(maxAttempts, initialDelay, maxDelay, jitter);
  }

  public KlingRetryPolicy withJitter(double jitter) {
    return new KlingRetryPolicy(maxAttempts, initialDelay, maxDelay, jitter);
  }

  /**
   * The delay before retry number {@code retry} (1 for the first retry) after {@code failure}.
   *
   * @param random a number from 0 (inclusive) to 1 (exclusive) that picks the jitter
   */
  public Duration delayBeforeRetry(int retry, KlingException failure, double random) {
    if (failure != null && failure.retryAfter().isPresent()) {
      Duration asked = failure.retryAfter().get();
      return asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
    }
    int step = Math.max(0, retry - 1);
    if (failure != null && failure.errorCode() == KlingErrorCode.PARALLEL_TASK_LIMIT) {
      step++;
    }
    long base = initialDelay.toNanos();
    long cap = maxDelay.toNanos();
    long delay = base;
    for (int i = 0; i < step && delay < cap; i++) {
      delay = delay > cap / 2 ? cap : delay * 2;
    }
    delay = Math.min(delay, cap);
    long jittered = Math.round(delay * (1 - jitter * Math.min(Math.max(random, 0), 1)));
    return Duration.ofNanos(jittered);
  }
}
