package dev.klingbot.simulator.mask;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * COCO run-length encoding as written by pycocotools ({@code maskApi.c}: {@code rleEncode}, {@code
 * rleToString}, {@code rleFrString}).
 *
 * <p>Runs are counted column-major (down the first column, then the next), alternate between 0s and
 * 1s and always start with a (possibly empty) run of 0s. The compressed string stores each run,
 * minus the run two places before it from the fourth run on, as signed 5-bit groups, least
 * significant first: bit {@code 0x20} says another group follows, bit {@code 0x10} of the last
 * group is the sign, and every group is offset by 48 to land on ASCII {@code '0'..'o'}. The mask's
 * {@code size} is {@code [height, width]}.
 */
public final class CocoRle {
  private CocoRle() {}

  /** The uncompressed run lengths of {@code mask}, column-major, starting with a 0-run. */
  public static long[] runs(BinaryMask mask) {
    requireNonNull(mask, "mask is null");
    int width = mask.width();
    int height = mask.height();
    long[] runs = new long[16];
    int count = 0;
    boolean current = false;
    long length = 0;
    for (int x = 0; x < width; x++) {
      for (int y = 0; y < height; y++) {
        boolean pixel = mask.at(y * width + x);
        if (pixel != current) {
          if (count == runs.length) {
            runs = Arrays.copyOf(runs, count * 2);
          }
          runs[count++] = length;
          current = pixel;
          length = 0;
        }
        length++;
      }
    }
    if (count == runs.length) {
      runs = Arrays.copyOf(runs, count + 1);
    }
    runs[count++] = length;
    return Arrays.copyOf(runs, count);
  }

  /** The pycocotools compressed string of {@code mask}. */
  public static String encode(BinaryMask mask) {
    return runsToString(runs(mask));
  }

  /** Decodes a compressed {@code counts} string of a {@code height × width} mask. */
  public static BinaryMask decode(String counts, int height, int width) {
    return fromRuns(runsFromString(counts), height, width);
  }

  /** Builds the mask described by uncompressed column-major {@code runs}. */
  public static BinaryMask fromRuns(long[] runs, int height, int width) {
    requireNonNull(runs, "runs is null");
    long total = (long) height * width;
    long sum = 0;
    for (long run : runs) {
      if (run < 0) {
        throw new IllegalArgumentException("negative run length " + run);
      }
      sum += run;
    }
    if (sum != total) {
      throw new IllegalArgumentException(
          "runs cover " + sum + " pixels but the mask has " + height + "x" + width + "=" + total);
    }
    boolean[] pixels = new boolean[width * height];
    long position = 0;
    boolean value = false;
    for (long run : runs) {
      if (value) {
        for (long i = position; i < position + run; i++) {
          int x = (int) (i / height);
          int y = (int) (i % height);
          pixels[y * width + x] = true;
        }
      }
      position += run;
      value = !value;
    }
    return BinaryMask.wrap(width, height, pixels);
  }

  /** Compresses run lengths into the pycocotools string form ({@code rleToString}). */
  public static String runsToString(long[] runs) {
    requireNonNull(runs, "runs is null");
    StringBuilder out = new StringBuilder(runs.length * 2);
    for (int i = 0; i < runs.length; i++) {
      long x = runs[i];
      if (i > 2) {
        x -= runs[i - 2];
      }
      boolean more = true;
      while (more) {
        int c = (int) (x & 0x1f);
        x >>= 5;
        more = (c & 0x10) != 0 ? x != -1 : x != 0;
        if (more) {
          c |= 0x20;
        }
        out.append((char) (c + 48));
      }
    }
    return out.toString();
  }

  /** Expands the pycocotools string form into run lengths ({@code rleFrString}). */
  public static long[] runsFromString(String counts) {
    requireNonNull(counts, "counts is null");
    long[] runs = new long[counts.length()];
    int count = 0;
    int position = 0;
    while (position < counts.length()) {
      long x = 0;
      int group = 0;
      boolean more = true;
      while (more) {
        if (position >= counts.length()) {
          throw new IllegalArgumentException("counts string ends inside a value");
        }
        int c = counts.charAt(position) - 48;
        if (c < 0 || c > 63) {
          throw new IllegalArgumentException(
              "invalid character '" + counts.charAt(position) + "' at " + position);
        }
        x |= (long) (c & 0x1f) << (5 * group);
        more = (c & 0x20) != 0;
        position++;
        group++;
        if (!more && (c & 0x10) != 0) {
          x |= -1L << (5 * group);
        }
      }
      if (count > 2) {
        x += runs[count - 2];
      }
      runs[count++] = x;
    }
    return Arrays.copyOf(runs, count);
  }
}
