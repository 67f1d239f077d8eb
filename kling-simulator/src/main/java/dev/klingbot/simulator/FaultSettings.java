package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Faults the simulator injects, as an immutable value (see {@link Faults} to change them while it
 * runs).
 *
 * @param serverErrorRate share (0..1) of API requests answered HTTP 500 code 5000 or HTTP 503 code
 *     5001
 * @param rateLimitRate share (0..1) of API requests answered HTTP 429 code 1302 with {@code
 *     Retry-After: 1}
 * @param latency delay added before answering every API request
 * @param taskFailureRate share (0..1) of created tasks that end {@code failed}
 * @param outOfCredit when true every create-task request answers HTTP 429 code 1102
 */
public record FaultSettings(
    double serverErrorRate,
    double rateLimitRate,
    Duration latency,
    double taskFailureRate,
    boolean outOfCredit) {
  /** No faults at all. */
  public static final FaultSettings NONE = new FaultSettings(0, 0, Duration.ZERO, 0, false);

  public FaultSettings {
    checkRate(serverErrorRate, "serverErrorRate");
    checkRate(rateLimitRate, "rateLimitRate");
    checkRate(taskFailureRate, "taskFailureRate");
    requireNonNull(latency, "latency is null");
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative");
    }
  }

  private static void checkRate(double rate, String name) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException(name + " must be within 0..1, got " + rate);
    }
  }

  public FaultSettings withServerErrorRate(double rate) {
    return new FaultSettings(rate, rateLimitRate, latency, taskFailureRate, outOfCredit);
  }

  public FaultSettings withRateLimitRate(double rate) {
    return new FaultSettings(serverErrorRate, rate, latency, taskFailureRate, outOfCredit);
  }

  public FaultSettings withLatency(Duration delay) {
    return new FaultSettings(serverErrorRate, rateLimitRate, delay, taskFailureRate, outOfCredit);
  }

  public FaultSettings withTaskFailureRate(double rate) {
    return new FaultSettings(serverErrorRate, rateLimitRate, latency, rate, outOfCredit);
  }

  public FaultSettings withOutOfCredit(boolean value) {
    return new FaultSettings(serverErrorRate, rateLimitRate, latency, taskFailureRate, value);
  }
}
