package dev.klingbot.core.media;

import static java.util.Objects.requireNonNull;

import dev.klingbot.kling.mask.MaskBitmap;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Shows people what Kling selected: masked pixels tinted with a semi-transparent colour, the edge
 * of the mask drawn solid, and the clicked points marked. A mask of another size than the frame
 * (Kling may answer at its own resolution) is stretched to the frame. Several masks get different
 * colours, in the order of {@link #COLORS}.
 */
public final class MaskOverlay {
  /** Colours for the first, second, ... mask; repeats after the last. */
  public static final List<Color> COLORS =
      List.of(
          new Color(0, 190, 255),
          new Color(255, 64, 160),
          new Color(255, 200, 0),
          new Color(60, 220, 90),
          new Color(160, 110, 255),
          new Color(255, 120, 40));

  /** How much of the colour is mixed into a masked pixel. */
  static final double TINT = 0.45;

  /**
   * A copy of {@code frame} with {@code mask} tinted and outlined and {@code points} marked.
   *
   * @param points clicked points as fractions of the frame, (0,0) top-left, like Kling's points
   */
  public BufferedImage draw(BufferedImage frame, MaskBitmap mask, List<Point2D> points) {
    requireNonNull(mask, "mask is null");
    requireNonNull(points, "points is null");
    BufferedImage image = draw(frame, List.of(mask));
    markPoints(image, points, COLORS.get(0));
    return image;
  }

  /** A copy of {@code frame} with each mask tinted and outlined in its own colour. */
  public BufferedImage draw(BufferedImage frame, List<MaskBitmap> masks) {
    requireNonNull(frame, "frame is null");
    requireNonNull(masks, "masks is null");
    int width = frame.getWidth();
    int height = frame.getHeight();
    BufferedImage image = rgbCopy(frame);
    int edge = Math.max(1, Math.min(width, height) / 360);
    for (int i = 0; i < masks.size(); i++) {
      MaskBitmap mask = requireNonNull(masks.get(i), "mask " + i + " is null");
      paint(image, MaskScaling.covered(mask, width, height), COLORS.get(i % COLORS.size()), edge);
    }
    return image;
  }

  /** A copy of {@code frame} (same size, RGB) to draw on. */
  static BufferedImage rgbCopy(BufferedImage frame) {
    BufferedImage image =
        new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    try {
      graphics.drawImage(frame, 0, 0, null);
    } finally {
      graphics.dispose();
    }
    return image;
  }

  private static void paint(BufferedImage image, boolean[] covered, Color color, int edge) {
    int width = image.getWidth();
    int height = image.getHeight();
    int solid = color.getRGB() | 0xff000000;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if (!covered[y * width + x]) {
          continue;
        }
        if (isEdge(covered, width, height, x, y, edge)) {
          image.setRGB(x, y, solid);
        } else {
          image.setRGB(x, y, blend(image.getRGB(x, y), color));
        }
      }
    }
  }

  private static boolean isEdge(boolean[] covered, int width, int height, int x, int y, int d) {
    return (x - d >= 0 && !covered[y * width + x - d])
        || (x + d < width && !covered[y * width + x + d])
        || (y - d >= 0 && !covered[(y - d) * width + x])
        || (y + d < height && !covered[(y + d) * width + x]);
  }

  private static int blend(int rgb, Color color) {
    int red = mix((rgb >> 16) & 0xff, color.getRed());
    int green = mix((rgb >> 8) & 0xff, color.getGreen());
    int blue = mix(rgb & 0xff, color.getBlue());
    return 0xff000000 | (red << 16) | (green << 8) | blue;
  }

  private static int mix(int base, int tint) {
    return (int) Math.round(base * (1 - TINT) + tint * TINT);
  }

  private static void markPoints(BufferedImage image, List<Point2D> points, Color color) {
    int width = image.getWidth();
    int height = image.getHeight();
    double radius = Math.max(5, Math.min(width, height) / 60.0);
    Graphics2D graphics = image.createGraphics();
    try {
      graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      for (Point2D point : points) {
        requireNonNull(point, "point is null");
        double x = point.getX() * width;
        double y = point.getY() * height;
        Ellipse2D dot = new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius);
        graphics.setColor(color);
        graphics.fill(dot);
        graphics.setStroke(new BasicStroke((float) Math.max(2, radius / 3)));
        graphics.setColor(Color.BLACK);
        graphics.draw(
            new Ellipse2D.Double(
                x - radius - 1.5, y - radius - 1.5, 2 * radius + 3, 2 * radius + 3));
        graphics.setStroke(new BasicStroke((float) Math.max(1.5, radius / 4)));
        graphics.setColor(Color.WHITE);
        graphics.draw(dot);
      }
    } finally {
      graphics.dispose();
    }
  }
}
