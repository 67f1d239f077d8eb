package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulator's ids: unique within a run, across restarts and across simulators running at the
 * same time, like Kling's. Task ids are long decimal numbers made of the wall-clock milliseconds
 * and six random digits, never lower than an id handed out before in this run (or loaded from a
 * state directory); other ids are random hex from {@link SecureRandom}. Unlike {@link Dice},
 * nothing here follows the random seed: a seed replays fault decisions, not ids.
 */
final class Ids {
  private static final long RANDOM_DIGITS = 1_000_000L;
  private final SecureRandom random = new SecureRandom();
  private final InstantSource wallClock;
  private final AtomicLong lastTaskId = new AtomicLong();

  Ids(InstantSource wallClock) {
    this.wallClock = requireNonNull(wallClock, "wallClock is null");
  }

  /** A new task id, e.g. {@code 1764626400123456789}. */
  String taskId() {
    long candidate =
        wallClock.millis() * RANDOM_DIGITS + Math.floorMod(random.nextLong(), RANDOM_DIGITS);
    return Long.toString(lastTaskId.updateAndGet(last -> Math.max(last + 1, candidate)));
  }

  /** Keeps later task ids above {@code taskId}, one loaded from an earlier run. */
  void seen(String taskId) {
    try {
      long id = Long.parseLong(taskId);
      lastTaskId.accumulateAndGet(id, Math::max);
    } catch (NumberFormatException e) {
      // not one of ours: nothing to stay above
    }
  }

  /** {@code length} random lower-case hex digits. */
  String hex(int length) {
    byte[] bytes = new byte[(length + 1) / 2];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes).substring(0, length);
  }

  /** A random UUID-shaped id. */
  String uuid() {
    String hex = hex(32);
    return hex.substring(0, 8)
        + "-"
        + hex.substring(8, 12)
        + "-"
        + hex.substring(12, 16)
        + "-"
        + hex.substring(16, 20)
        + "-"
        + hex.substring(20);
  }
}
