package dev.klingbot.config;

import java.time.Duration;

/**
 * How edits are followed once submitted.
 *
 * @param pollInitialInterval first wait before asking Kling about a task
 * @param pollMaxInterval polling slows down to at most this
 * @param taskTimeout a task still unfinished after this is failed and refunded
 * @param sessionTtl Kling sessions last 24 hours; unsubmitted edits expire after this
 * @param leaseDuration how long one bot process holds a job before another may take it over
 * @param workerThreads threads that follow and deliver jobs
 * @param transientRetryWindow how long an edit waits out a Kling outage (5xx, rate limits, no
 *     answer) at any step before it fails; the job runner retries with backoff meanwhile
 */
public record JobsConfig(
    Duration pollInitialInterval,
    Duration pollMaxInterval,
    Duration taskTimeout,
    Duration sessionTtl,
    Duration leaseDuration,
    int workerThreads,
    Duration transientRetryWindow) {

  public JobsConfig {
    Check.positive("poll-initial-interval", pollInitialInterval);
    Check.positive("poll-max-interval", pollMaxInterval);
    if (pollMaxInterval.compareTo(pollInitialInterval) < 0) {
      throw new ConfigException(
          "poll-max-interval",
          "is "
              + Durations.format(pollMaxInterval)
              + "; allowed: at least poll-initial-interval ("
              + Durations.format(pollInitialInterval)
              + ")");
    }
    Check.positive("task-timeout", taskTimeout);
    Check.positive("session-ttl", sessionTtl);
    if (sessionTtl.compareTo(Duration.ofHours(24)) > 0) {
      throw new ConfigException(
          "session-ttl",
          "is " + Durations.format(sessionTtl) + "; allowed: at most 24h (Kling's session life)");
    }
    Check.positive("lease-duration", leaseDuration);
    Check.range("worker-threads", workerThreads, 1, 64);
    Check.positive("transient-retry-window", transientRetryWindow);
  }

  public static JobsConfig defaults() {
    return new JobsConfig(
        Duration.ofSeconds(5),
        Duration.ofSeconds(60),
        Duration.ofHours(6),
        Duration.ofHours(24),
        Duration.ofMinutes(2),
        4,
        Duration.ofMinutes(30));
  }
}
