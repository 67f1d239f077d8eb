package dev.klingbot.simulator.mask;

import static java.util.Objects.requireNonNull;

import java.awt.image.BufferedImage;

/**
 * A stand-in for Kling's point-prompted segmentation: a colour region grow on the decoded frame.
 *
 * <p>From the clicked pixel, the region takes every 4-connected pixel whose colour stays within
 * {@link #COLOUR_TOLERANCE} (largest per-channel difference) of the seed colour (the mean of the
 * 5×5 pixels around the click), bounded by an ellipse around the click with radii of {@link
 * #MAX_RADIUS_SHARE} of the frame's width and height so a click on a large background stays a
 * plausible "object". Holes left by compression noise are filled. When the grown region is tiny (a
 * click on an edge or on texture: under {@link #MIN_AREA_SHARE} of the frame), a small ellipse
 * around the click ({@link #FALLBACK_RADIUS_SHARE} of the frame) is added.
 */
public final class RegionGrower {
  /** Largest per-channel difference (0–255) to the seed colour that joins the region. */
  public static final int COLOUR_TOLERANCE = 40;

  /** The region stays within an ellipse of this share of the frame's width and height. */
  public static final double MAX_RADIUS_SHARE = 0.3;

  /** A region smaller than this share of the frame is padded with a fallback ellipse. */
  public static final double MIN_AREA_SHARE = 0.002;

  /** Radii of the fallback ellipse, as a share of the frame's width and height. */
  public static final double FALLBACK_RADIUS_SHARE = 0.05;

  private RegionGrower() {}

  /**
   * The region around normalized point {@code (x, y)} (each 0..1, origin top-left) of {@code
   * frame}.
   */
  public static BinaryMask grow(BufferedImage frame, double x, double y) {
    requireNonNull(frame, "frame is null");
    int width = frame.getWidth();
    int height = frame.getHeight();
    int[] rgb = frame.getRGB(0, 0, width, height, null, 0, width);
    return grow(rgb, width, height, x, y);
  }

  /** Like {@link #grow(BufferedImage, double, double)} on packed {@code 0xRRGGBB} pixels. */
  public static BinaryMask grow(int[] rgb, int width, int height, double x, double y) {
    requireNonNull(rgb, "rgb is null");
    int seedX = clamp((int) Math.round(x * (width - 1)), width);
    int seedY = clamp((int) Math.round(y * (height - 1)), height);
    int[] seed = meanColour(rgb, width, height, seedX, seedY);
    double radiusX = Math.max(1, width * MAX_RADIUS_SHARE);
    double radiusY = Math.max(1, height * MAX_RADIUS_SHARE);

    boolean[] region = new boolean[width * height];
    int[] queue = new int[width * height];
    int head = 0;
    int tail = 0;
    int start = seedY * width + seedX;
    region[start] = true;
    queue[tail++] = start;
    while (head < tail) {
      int index = queue[head++];
      int px = index % width;
      int py = index / width;
      for (int direction = 0; direction < 4; direction++) {
        int nx = px + (direction == 0 ? 1 : direction == 1 ? -1 : 0);
        int ny = py + (direction == 2 ? 1 : direction == 3 ? -1 : 0);
        if (nx < 0 || ny < 0 || nx >= width || ny >= height) {
          continue;
        }
        int next = ny * width + nx;
        if (region[next]) {
          continue;
        }
        double dx = (nx - seedX) / radiusX;
        double dy = (ny - seedY) / radiusY;
        if (dx * dx + dy * dy > 1.0 || !close(rgb[next], seed)) {
          continue;
        }
        region[next] = true;
        queue[tail++] = next;
      }
    }
    BinaryMask grown = MaskOps.fillHoles(BinaryMask.wrap(width, height, region));
    if (grown.area() < MIN_AREA_SHARE * width * height) {
      grown =
          grown.union(
              BinaryMask.ellipse(
                  width,
                  height,
                  seedX,
                  seedY,
                  width * FALLBACK_RADIUS_SHARE,
                  height * FALLBACK_RADIUS_SHARE));
    }
    return grown;
  }

  private static int clamp(int value, int size) {
    return Math.max(0, Math.min(size - 1, value));
  }

  private static int[] meanColour(int[] rgb, int width, int height, int cx, int cy) {
    long r = 0;
    long g = 0;
    long b = 0;
    int n = 0;
    for (int y = Math.max(0, cy - 2); y <= Math.min(height - 1, cy + 2); y++) {
      for (int x = Math.max(0, cx - 2); x <= Math.min(width - 1, cx + 2); x++) {
        int p = rgb[y * width + x];
        r += (p >> 16) & 0xff;
        g += (p >> 8) & 0xff;
        b += p & 0xff;
        n++;
      }
    }
    return new int[] {(int) (r / n), (int) (g / n), (int) (b / n)};
  }

  private static boolean close(int pixel, int[] seed) {
    return Math.abs(((pixel >> 16) & 0xff) - seed[0]) <= COLOUR_TOLERANCE
        && Math.abs(((pixel >> 8) & 0xff) - seed[1]) <= COLOUR_TOLERANCE
        && Math.abs((pixel & 0xff) - seed[2]) <= COLOUR_TOLERANCE;
  }
}
