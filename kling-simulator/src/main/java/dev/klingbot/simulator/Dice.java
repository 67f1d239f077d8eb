package dev.klingbot.simulator;

import java.util.Random;

/** The simulator's seeded source of randomness and ids; thread-safe. */
final class Dice {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
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

  /** {@code length} random lower-case hex digits. */
  synchronized String hex(int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = HEX[random.nextInt(16)];
    }
    return new String(out);
  }

  /** {@code length} random decimal digits, the first one non-zero. */
  synchronized String digits(int length) {
    char[] out = new char[length];
    out[0] = (char) ('1' + random.nextInt(9));
    for (int i = 1; i < length; i++) {
      out[i] = (char) ('0' + random.nextInt(10));
    }
    return new String(out);
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
