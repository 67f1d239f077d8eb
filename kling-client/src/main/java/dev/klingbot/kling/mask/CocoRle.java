package dev.klingbot.kling.mask;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * COCO compressed RLE, exactly as pycocotools' {@code rleToString} / {@code rleFrString} write and
 * read it. Runs go down each column, then on to the next column (column-major), and start with a
 * run of 0s (0 long when the first pixel is set). Each run is written as the difference from the
 * run two before it (from the fourth run on), in 5-bit groups, least significant first: bit 0x20
 * says another group follows, bit 0x10 of the last group is the sign, and 48 is added to make a
 * printable character.
 */
public final class CocoRle {
  private CocoRle() {}

  /** Decodes {@code counts} into a {@code width} x {@code height} mask. */
  public static MaskBitmap decode(String counts, int height, int width) {
    int[] runs = runs(counts);
    MaskBitmap mask = new MaskBitmap(width, height);
    long total = 0;
    for (int run : runs) {
      total += run;
    }
    if (total != (long) width * height) {
      throw new IllegalArgumentException(
          "the RLE counts describe "
              + total
              + " pixels but the size "
              + height
              + "x"
              + width
              + " (height x width) has "
              + (long) width * height
              + "; check the size and its order");
    }
    int index = 0;
    for (int i = 0; i < runs.length; i++) {
      if (i % 2 == 1) {
        for (int p = index; p < index + runs[i]; p++) {
          mask.set(p / height, p % height, true);
        }
      }
      index += runs[i];
    }
    return mask;
  }

  /** Encodes a mask as a counts string. */
  public static String encode(MaskBitmap mask) {
    return encodeRuns(runs(mask));
  }

  /** The run lengths of a counts string (first run = 0s). */
  public static int[] runs(String counts) {
    requireNonNull(counts, "counts is null");
    int[] runs = new int[counts.length()];
    int m = 0;
    int p = 0;
    while (p < counts.length()) {
      long x = 0;
      int k = 0;
      boolean more = true;
      while (more) {
        if (p >= counts.length()) {
          throw new IllegalArgumentException(
              "the RLE counts end in the middle of a number; the string is cut short");
        }
        int c = counts.charAt(p) - 48;
        if (c < 0 || c > 63) {
          throw new IllegalArgumentException(
              "the RLE counts contain '"
                  + counts.charAt(p)
                  + "' at "
                  + p
                  + "; only characters '0' to 'o' are valid");
        }
        if (k > 12) {
          throw new IllegalArgumentException("the RLE counts contain a number that is too long");
        }
        x |= (long) (c & 0x1f) << (5 * k);
        more = (c & 0x20) != 0;
        p++;
        k++;
        if (!more && (c & 0x10) != 0) {
          x |= -1L << (5 * k);
        }
      }
      if (m > 2) {
        x += runs[m - 2];
      }
      if (x < 0 || x > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("run " + m + " of the RLE counts is " + x);
      }
      runs[m++] = (int) x;
    }
    return Arrays.copyOf(runs, m);
  }

  /** The run lengths of a mask, column-major, first run = 0s. */
  public static int[] runs(MaskBitmap mask) {
    requireNonNull(mask, "mask is null");
    int[] runs = new int[16];
    int m = 0;
    boolean previous = false;
    int length = 0;
    for (int x = 0; x < mask.width(); x++) {
      for (int y = 0; y < mask.height(); y++) {
        boolean value = mask.get(x, y);
        if (value != previous) {
          if (m == runs.length) {
            runs = Arrays.copyOf(runs, m * 2);
          }
          runs[m++] = length;
          length = 0;
          previous = value;
        }
        length++;
      }
    }
    if (m == runs.length) {
      runs = Arrays.copyOf(runs, m + 1);
    }
    runs[m++] = length;
    return Arrays.copyOf(runs, m);
  }

  /** Writes run lengths as a counts string. */
  public static String encodeRuns(int[] runs) {
    requireNonNull(runs, "runs is null");
    StringBuilder text = new StringBuilder(runs.length * 2);
    for (int i = 0; i < runs.length; i++) {
      if (runs[i] < 0) {
        throw new IllegalArgumentException("run " + i + " is " + runs[i] + "; runs are >= 0");
      }
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
        text.append((char) (c + 48));
      }
    }
    return text.toString();
  }
}
