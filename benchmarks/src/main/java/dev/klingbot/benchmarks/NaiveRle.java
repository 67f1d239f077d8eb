package dev.klingbot.benchmarks;

/**
 * The baseline: a straightforward reading of pycocotools' string format into a {@code
 * boolean[height][width]}, one pixel at a time, as a first implementation would do it.
 */
final class NaiveRle {
  private NaiveRle() {}

  static boolean[][] decode(String counts, int height, int width) {
    java.util.List<Long> runs = new java.util.ArrayList<>();
    int p = 0;
    while (p < counts.length()) {
      long x = 0;
      int k = 0;
      boolean more = true;
      while (more) {
        int c = counts.charAt(p) - 48;
        x |= (long) (c & 0x1f) << (5 * k);
        more = (c & 0x20) != 0;
        p++;
        k++;
        if (!more && (c & 0x10) != 0) {
          x |= -1L << (5 * k);
        }
      }
      if (runs.size() > 2) {
        x += runs.get(runs.size() - 2);
      }
      runs.add(x);
    }
    boolean[][] mask = new boolean[height][width];
    long index = 0;
    boolean value = false;
    for (long run : runs) {
      for (long i = 0; i < run; i++) {
        long column = index / height;
        long row = index % height;
        if (column < width) {
          mask[(int) row][(int) column] = value;
        }
        index++;
      }
      value = !value;
    }
    return mask;
  }
}
