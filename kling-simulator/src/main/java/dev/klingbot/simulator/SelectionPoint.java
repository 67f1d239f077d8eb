package dev.klingbot.simulator;

/**
 * A selection point in normalized frame coordinates: {@code (0, 0)} is the top-left corner and
 * {@code (1, 1)} the bottom-right one.
 */
public record SelectionPoint(double x, double y) {
  public SelectionPoint {
    if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) {
      throw new IllegalArgumentException("point must be within [0,1]x[0,1]: " + x + "," + y);
    }
  }
}
