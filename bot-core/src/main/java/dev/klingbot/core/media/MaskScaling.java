package dev.klingbot.core.media;

import static java.util.Objects.requireNonNull;

import dev.klingbot.kling.mask.MaskBitmap;
import java.util.List;

/**
 * The one way a mask is laid over an image of another size: each image pixel takes the mask pixel
 * under its centre (nearest neighbour). The chat overlay, the web editor's overlay and the union of
 * an edit's masks all use it, so they agree pixel for pixel.
 */
public final class MaskScaling {
  private MaskScaling() {}

  /** Which pixels of a {@code width} × {@code height} image the mask covers, row by row. */
  public static boolean[] covered(MaskBitmap mask, int width, int height) {
    requireNonNull(mask, "mask is null");
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("the image is " + width + "×" + height + "; it is empty");
    }
    boolean[] covered = new boolean[width * height];
    int[] maskX = new int[width];
    for (int x = 0; x < width; x++) {
      maskX[x] = (int) Math.min(mask.width() - 1, (x + 0.5) * mask.width() / width);
    }
    for (int y = 0; y < height; y++) {
      int maskY = (int) Math.min(mask.height() - 1, (y + 0.5) * mask.height() / height);
      for (int x = 0; x < width; x++) {
        covered[y * width + x] = mask.get(maskX[x], maskY);
      }
    }
    return covered;
  }

  /** The masks together, scaled to {@code width} × {@code height}. */
  public static MaskBitmap union(List<MaskBitmap> masks, int width, int height) {
    MaskBitmap union = new MaskBitmap(width, height);
    for (MaskBitmap mask : masks) {
      boolean[] covered = covered(mask, width, height);
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          if (covered[y * width + x]) {
            union.set(x, y, true);
          }
        }
      }
    }
    return union;
  }
}
