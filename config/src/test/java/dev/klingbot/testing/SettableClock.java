package dev.klingbot.testing;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The one test clock of the project (shared through this module's test jar): tests move it by hand;
 * optionally it also moves by a fixed {@code tick} on every reading.
 */
public final class SettableClock extends Clock {
  private Instant now;
  private final Duration tick;

  public SettableClock(Instant start) {
    this(start, Duration.ZERO);
  }

  /** A clock that moves by {@code tick} each time it is read. */
  public SettableClock(Instant start, Duration tick) {
    this.now = requireNonNull(start, "start is null");
    this.tick = requireNonNull(tick, "tick is null");
  }

  public static SettableClock at(String instant) {
    return new SettableClock(Instant.parse(instant));
  }

  public synchronized void advance(Duration duration) {
    now = now.plus(duration);
  }

  public synchronized void set(Instant instant) {
    now = requireNonNull(instant, "instant is null");
  }

  @Override
  public synchronized Instant instant() {
    Instant reading = now;
    now = now.plus(tick);
    return reading;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
