package dev.klingbot.core.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Pictures drawn at another size: reference images on their way to Kling, and video frames for the
 * web editor.
 */
public final class ImageScaling {
  private ImageScaling() {}

  /**
   * {@code image} drawn at {@code width} × {@code height}, keeping its transparency if it has any.
   *
   * @param interpolation one of the {@code RenderingHints.VALUE_INTERPOLATION_*} values
   */
  public static BufferedImage scaled(
      BufferedImage image, int width, int height, Object interpolation) {
    BufferedImage scaled = canvasFor(image, width, height);
    Graphics2D g = scaled.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(image, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return scaled;
  }

  /** An empty picture of the given size that keeps {@code image}'s transparency, if it has any. */
  static BufferedImage canvasFor(BufferedImage image, int width, int height) {
    boolean alpha = image.getColorModel().hasAlpha();
    return new BufferedImage(
        width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
  }
}
