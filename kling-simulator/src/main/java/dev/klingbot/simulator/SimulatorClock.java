package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulator's time: the configured clock plus whatever {@link #advance} added. A {@link
 * SettableClock} is advanced itself, so the test holding it sees the same time.
 */
final class SimulatorClock implements InstantSource {
  private final InstantSource base;
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  SimulatorClock(InstantSource base) {
    this.base = requireNonNull(base, "base is null");
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }

  void advance(Duration duration) {
    requireNonNull(duration, "duration is null");
    if (base instanceof SettableClock settable) {
      settable.advance(duration);
    } else {
      offset.updateAndGet(current -> current.plus(duration));
    }
  }
}
