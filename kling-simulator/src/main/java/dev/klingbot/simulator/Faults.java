package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The live fault settings of a running simulator; tests flip them between requests. Thread-safe.
 * Each change applies to requests that arrive afterwards.
 */
public final class Faults {
  private final FaultSettings initial;
  private final AtomicReference<FaultSettings> current;

  Faults(FaultSettings initial) {
    this.initial = requireNonNull(initial, "initial is null");
    this.current = new AtomicReference<>(initial);
  }

  /** The settings in force now. */
  public FaultSettings settings() {
    return current.get();
  }

  /** Replaces every setting. */
  public Faults set(FaultSettings settings) {
    current.set(requireNonNull(settings, "settings is null"));
    return this;
  }

  /** Back to the settings the simulator started with. */
  public Faults reset() {
    return set(initial);
  }

  /** No faults at all. */
  public Faults clear() {
    return set(FaultSettings.NONE);
  }

  public Faults serverErrorRate(double rate) {
    return update(settings -> settings.withServerErrorRate(rate));
  }

  public Faults rateLimitRate(double rate) {
    return update(settings -> settings.withRateLimitRate(rate));
  }

  public Faults latency(Duration latency) {
    return update(settings -> settings.withLatency(latency));
  }

  public Faults taskFailureRate(double rate) {
    return update(settings -> settings.withTaskFailureRate(rate));
  }

  public Faults outOfCredit(boolean outOfCredit) {
    return update(settings -> settings.withOutOfCredit(outOfCredit));
  }

  private Faults update(UnaryOperator<FaultSettings> change) {
    current.updateAndGet(change);
    return this;
  }
}
