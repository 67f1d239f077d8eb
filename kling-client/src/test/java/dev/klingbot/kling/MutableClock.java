package dev.klingbot.kling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand; optionally it moves by {@code tick} on every reading. */
final class MutableClock extends Clock {
  private Instant now;
  private final Duration tick;

  MutableClock(Instant now) {
    this(now, Duration.ZERO);
  }

  MutableClock(Instant now, Duration tick) {
    this.now = now;
    this.tick = tick;
  }

  synchronized void advance(Duration duration) {
    now = now.plus(duration);
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
    throw new UnsupportedOperationException();
  }
}
