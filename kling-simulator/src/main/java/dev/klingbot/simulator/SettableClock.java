package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until told otherwise; thread-safe. */
public final class SettableClock implements InstantSource {
  private final AtomicReference<Instant> now;

  public SettableClock(Instant start) {
    this.now = new AtomicReference<>(requireNonNull(start, "start is null"));
  }

  /** A clock stopped at the current system time. */
  public static SettableClock atSystemTime() {
    return new SettableClock(Instant.now());
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  /** Moves the clock to {@code instant}. */
  public void set(Instant instant) {
    now.set(requireNonNull(instant, "instant is null"));
  }

  /** Moves the clock forward (or back, for a negative duration). */
  public Instant advance(Duration duration) {
    requireNonNull(duration, "duration is null");
    return now.updateAndGet(instant -> instant.plus(duration));
  }

  @Override
  public String toString() {
    return "SettableClock[" + now.get() + "]";
  }
}
