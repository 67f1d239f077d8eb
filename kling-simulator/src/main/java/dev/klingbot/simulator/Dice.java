package dev.klingbot.simulator;

import java.util.Random;

/** The simulator's seeded source of fault decisions; thread-safe (ids come from {@link Ids}). */
final class Dice {
  private final Random random;

  Dice(long seed) {
    this.random = new Random(seed);
  }

  /** True with probability {@code rate}; 0 and 1 are decided without a draw. */
  synchronized boolean chance(double rate) {
    if (rate <= 0) {
      return false;
    }
    if (rate >= 1) {
      return true;
    }
    return random.nextDouble() < rate;
  }

  synchronized int nextInt(int bound) {
    return random.nextInt(bound);
  }
}
