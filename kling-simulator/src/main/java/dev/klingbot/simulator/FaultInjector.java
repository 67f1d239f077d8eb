package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;

/**
 * Applies the request-level {@link Faults} before an API request is handled: the added latency,
 * then a server error (HTTP 500 code 5000 or HTTP 503 code 5001, half each), then a rate limit
 * (HTTP 429 code 1302 with {@code Retry-After: 1}). Draws come from the seeded fault dice.
 */
final class FaultInjector {
  private final Faults faults;
  private final Dice dice;

  FaultInjector(Faults faults, Dice dice) {
    this.faults = requireNonNull(faults, "faults is null");
    this.dice = requireNonNull(dice, "dice is null");
  }

  void apply() {
    FaultSettings settings = faults.settings();
    sleep(settings.latency());
    if (dice.chance(settings.serverErrorRate())) {
      if (dice.nextInt(2) == 0) {
        throw ApiError.INTERNAL_ERROR.exception("internal server error (simulated)");
      }
      throw ApiError.SERVICE_UNAVAILABLE.exception("service under maintenance (simulated)");
    }
    if (dice.chance(settings.rateLimitRate())) {
      throw new ApiException(
          ApiError.TOO_MANY_REQUESTS,
          "too many requests, slow down (simulated)",
          Map.of("Retry-After", "1"));
    }
  }

  private static void sleep(Duration latency) {
    if (latency.isZero()) {
      return;
    }
    try {
      Thread.sleep(latency.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
