package dev.klingbot.simulator.mask;

import static java.util.Objects.requireNonNull;

/** Morphological helpers on {@link BinaryMask}. */
public final class MaskOps {
  private MaskOps() {}

  /**
   * {@code mask} with every hole filled: unset pixels that cannot reach the frame's border through
   * unset pixels (4-connected) become set.
   */
  public static BinaryMask fillHoles(BinaryMask mask) {
    requireNonNull(mask, "mask is null");
    int width = mask.width();
    int height = mask.height();
    boolean[] outside = new boolean[width * height];
    int[] queue = new int[width * height];
    int tail = 0;
    for (int x = 0; x < width; x++) {
      tail = seed(mask, outside, queue, tail, x, 0);
      tail = seed(mask, outside, queue, tail, x, height - 1);
    }
    for (int y = 0; y < height; y++) {
      tail = seed(mask, outside, queue, tail, 0, y);
      tail = seed(mask, outside, queue, tail, width - 1, y);
    }
    int head = 0;
    while (head < tail) {
      int index = queue[head++];
      int x = index % width;
      int y = index / width;
      if (x > 0) {
        tail = seed(mask, outside, queue, tail, x - 1, y);
      }
      if (x < width - 1) {
        tail = seed(mask, outside, queue, tail, x + 1, y);
      }
      if (y > 0) {
        tail = seed(mask, outside, queue, tail, x, y - 1);
      }
      if (y < height - 1) {
        tail = seed(mask, outside, queue, tail, x, y + 1);
      }
    }
    boolean[] filled = new boolean[width * height];
    for (int i = 0; i < filled.length; i++) {
      filled[i] = !outside[i];
    }
    return BinaryMask.wrap(width, height, filled);
  }

  private static int seed(BinaryMask mask, boolean[] outside, int[] queue, int tail, int x, int y) {
    int index = y * mask.width() + x;
    if (outside[index] || mask.at(index)) {
      return tail;
    }
    outside[index] = true;
    queue[tail] = index;
    return tail + 1;
  }
}
