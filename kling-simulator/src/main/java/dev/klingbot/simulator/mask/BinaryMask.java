package dev.klingbot.simulator.mask;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * An immutable binary segmentation mask of {@code width × height} pixels, stored row-major.
 *
 * <p>Pixel {@code (x, y)} has its origin in the top-left corner, like the normalized selection
 * points of the Kling API.
 */
public final class BinaryMask {
  private final int width;
  private final int height;
  private final boolean[] pixels;
  private volatile int[] bounds;

  private BinaryMask(int width, int height, boolean[] pixels) {
    this.width = width;
    this.height = height;
    this.pixels = pixels;
  }

  /** A mask that copies {@code rowMajor}, whose length must be {@code width * height}. */
  public static BinaryMask of(int width, int height, boolean[] rowMajor) {
    requireNonNull(rowMajor, "rowMajor is null");
    checkSize(width, height);
    if (rowMajor.length != width * height) {
      throw new IllegalArgumentException(
          "expected " + width * height + " pixels, got " + rowMajor.length);
    }
    return new BinaryMask(width, height, rowMajor.clone());
  }

  /** A mask with no pixel set. */
  public static BinaryMask empty(int width, int height) {
    checkSize(width, height);
    return new BinaryMask(width, height, new boolean[width * height]);
  }

  /**
   * A filled axis-aligned ellipse centred on {@code (centerX, centerY)} with radii {@code radiusX}
   * and {@code radiusY}, all in pixels.
   */
  public static BinaryMask ellipse(
      int width, int height, double centerX, double centerY, double radiusX, double radiusY) {
    checkSize(width, height);
    boolean[] pixels = new boolean[width * height];
    double rx = Math.max(radiusX, 0.5);
    double ry = Math.max(radiusY, 0.5);
    int y0 = Math.max(0, (int) Math.floor(centerY - ry));
    int y1 = Math.min(height - 1, (int) Math.ceil(centerY + ry));
    int x0 = Math.max(0, (int) Math.floor(centerX - rx));
    int x1 = Math.min(width - 1, (int) Math.ceil(centerX + rx));
    for (int y = y0; y <= y1; y++) {
      double dy = (y - centerY) / ry;
      for (int x = x0; x <= x1; x++) {
        double dx = (x - centerX) / rx;
        if (dx * dx + dy * dy <= 1.0) {
          pixels[y * width + x] = true;
        }
      }
    }
    return new BinaryMask(width, height, pixels);
  }

  /** Wraps {@code rowMajor} without copying; callers must not modify it afterwards. */
  static BinaryMask wrap(int width, int height, boolean[] rowMajor) {
    return new BinaryMask(width, height, rowMajor);
  }

  private static void checkSize(int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("mask size must be positive: " + width + "x" + height);
    }
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** Whether pixel {@code (x, y)} is set; pixels outside the mask are not. */
  public boolean get(int x, int y) {
    if (x < 0 || y < 0 || x >= width || y >= height) {
      return false;
    }
    return pixels[y * width + x];
  }

  /** The number of set pixels. */
  public int area() {
    int area = 0;
    for (boolean pixel : pixels) {
      if (pixel) {
        area++;
      }
    }
    return area;
  }

  public boolean isEmpty() {
    for (boolean pixel : pixels) {
      if (pixel) {
        return false;
      }
    }
    return true;
  }

  /** A copy of the pixels, row-major. */
  public boolean[] toRowMajor() {
    return pixels.clone();
  }

  /** The pixels set in this mask or in {@code other} (same size). */
  public BinaryMask union(BinaryMask other) {
    requireNonNull(other, "other is null");
    if (other.width != width || other.height != height) {
      throw new IllegalArgumentException("mask sizes differ");
    }
    boolean[] result = pixels.clone();
    for (int i = 0; i < result.length; i++) {
      result[i] |= other.pixels[i];
    }
    return new BinaryMask(width, height, result);
  }

  /**
   * This mask moved by {@code (dx, dy)} pixels on a frame of the same size; pixels moved off the
   * frame are dropped.
   */
  public BinaryMask shifted(int dx, int dy) {
    if (dx == 0 && dy == 0) {
      return this;
    }
    boolean[] result = new boolean[pixels.length];
    int[] box = bounds();
    if (box.length == 0) {
      return new BinaryMask(width, height, result);
    }
    int x0 = Math.max(box[0], -dx);
    int x1 = Math.min(box[2], width - 1 - dx);
    int y0 = Math.max(box[1], -dy);
    int y1 = Math.min(box[3], height - 1 - dy);
    for (int y = y0; y <= y1; y++) {
      int from = y * width;
      int to = (y + dy) * width + dx;
      for (int x = x0; x <= x1; x++) {
        result[to + x] = pixels[from + x];
      }
    }
    return new BinaryMask(width, height, result);
  }

  /**
   * The smallest rectangle holding every set pixel as {@code [x0, y0, x1, y1]} (inclusive), or an
   * empty array when the mask is empty.
   */
  public int[] bounds() {
    int[] cached = bounds;
    if (cached == null) {
      cached = computeBounds();
      bounds = cached;
    }
    return cached.clone();
  }

  private int[] computeBounds() {
    int x0 = width;
    int y0 = height;
    int x1 = -1;
    int y1 = -1;
    for (int y = 0; y < height; y++) {
      int row = y * width;
      for (int x = 0; x < width; x++) {
        if (pixels[row + x]) {
          x0 = Math.min(x0, x);
          x1 = Math.max(x1, x);
          y0 = Math.min(y0, y);
          y1 = Math.max(y1, y);
        }
      }
    }
    return x1 < 0 ? new int[0] : new int[] {x0, y0, x1, y1};
  }

  /** Reads pixel {@code i} (row-major) without bounds translation. */
  boolean at(int index) {
    return pixels[index];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BinaryMask other
        && other.width == width
        && other.height == height
        && Arrays.equals(other.pixels, pixels);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * width + height) + Arrays.hashCode(pixels);
  }

  @Override
  public String toString() {
    return "BinaryMask[" + width + "x" + height + ", area=" + area() + "]";
  }
}
