package dev.klingbot.kling.mask;

import static java.util.Objects.requireNonNull;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.BitSet;
import java.util.Optional;

/**
 * A binary mask of {@code width} x {@code height} pixels, stored row-major; pixel (0,0) is the
 * top-left corner. Mutable through {@link #set}; not thread-safe.
 */
public final class MaskBitmap {
  private final int width;
  private final int height;
  private final BitSet bits;

  /** An empty mask. */
  public MaskBitmap(int width, int height) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException(
          "mask size is " + width + "x" + height + "; width and height must be 1 or more");
    }
    if ((long) width * height > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "mask size " + width + "x" + height + " is too large; keep it under 2^31 pixels");
    }
    this.width = width;
    this.height = height;
    this.bits = new BitSet(width * height);
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** Whether pixel (x, y) is set. */
  public boolean get(int x, int y) {
    checkInside(x, y);
    return bits.get(y * width + x);
  }

  /** Sets or clears pixel (x, y). */
  public void set(int x, int y, boolean value) {
    checkInside(x, y);
    bits.set(y * width + x, value);
  }

  /** Sets the pixels of row {@code y} from {@code fromX} (inclusive) to {@code toX} (exclusive). */
  public void setRow(int y, int fromX, int toX) {
    checkInside(fromX, y);
    if (toX < fromX || toX > width) {
      throw new IllegalArgumentException("toX " + toX + " is outside " + fromX + ".." + width);
    }
    bits.set(y * width + fromX, y * width + toX);
  }

  /** The number of set pixels. */
  public int count() {
    return bits.cardinality();
  }

  /** Whether no pixel is set. */
  public boolean isEmpty() {
    return bits.isEmpty();
  }

  /** The smallest rectangle holding every set pixel; empty when no pixel is set. */
  public Optional<MaskBounds> bounds() {
    if (bits.isEmpty()) {
      return Optional.empty();
    }
    int top = bits.nextSetBit(0) / width;
    int bottom = bits.previousSetBit(width * height - 1) / width;
    int left = width;
    int right = -1;
    for (int y = top; y <= bottom; y++) {
      int first = bits.nextSetBit(y * width);
      if (first >= 0 && first < (y + 1) * width) {
        left = Math.min(left, first - y * width);
        right = Math.max(right, bits.previousSetBit((y + 1) * width - 1) - y * width);
      }
    }
    return Optional.of(new MaskBounds(left, top, right - left + 1, bottom - top + 1));
  }

  /**
   * An ARGB image of the mask: {@code color} where set, fully transparent elsewhere; draw it over a
   * frame of the same size.
   */
  public BufferedImage toImage(Color color) {
    requireNonNull(color, "color is null");
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    int argb = color.getRGB();
    for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
      image.setRGB(i % width, i / width, argb);
    }
    return image;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MaskBitmap mask
        && mask.width == width
        && mask.height == height
        && mask.bits.equals(bits);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * width + height) + bits.hashCode();
  }

  @Override
  public String toString() {
    return "MaskBitmap[" + width + "x" + height + ", " + count() + " set]";
  }

  private void checkInside(int x, int y) {
    if (x < 0 || x >= width || y < 0 || y >= height) {
      throw new IndexOutOfBoundsException(
          "pixel (" + x + ", " + y + ") is outside the " + width + "x" + height + " mask");
    }
  }
}
