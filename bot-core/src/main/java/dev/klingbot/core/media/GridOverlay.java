package dev.klingbot.core.media;

import static java.util.Objects.requireNonNull;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Draws a labelled 10×10 grid over a frame so that people can name a spot ("the dog in C4"):
 * columns A–J from left to right, rows 1–10 from top to bottom (see {@link GridCell}). Lines are
 * thin and semi-transparent, drawn light over a dark shadow; labels are white on dark boxes, sized
 * to the picture, so they read on any background.
 */
public final class GridOverlay {
  private static final Color LINE = new Color(255, 255, 255, 150);
  private static final Color SHADOW = new Color(0, 0, 0, 110);
  private static final Color BOX = new Color(0, 0, 0, 165);
  private static final Color TEXT = Color.WHITE;

  /** A copy of {@code frame} (same size) with the grid and labels drawn on it. */
  public BufferedImage draw(BufferedImage frame) {
    requireNonNull(frame, "frame is null");
    int width = frame.getWidth();
    int height = frame.getHeight();
    BufferedImage image = MaskOverlay.rgbCopy(frame);
    Graphics2D graphics = image.createGraphics();
    try {
      graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      graphics.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      drawLines(graphics, width, height);
      graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, fontSize(width, height)));
      for (int column = 0; column < GridCell.SIZE; column++) {
        drawLabel(
            graphics, String.valueOf((char) ('A' + column)), columnLabelBox(width, height, column));
      }
      for (int row = 0; row < GridCell.SIZE; row++) {
        drawLabel(graphics, String.valueOf(row + 1), rowLabelBox(width, height, row));
      }
    } finally {
      graphics.dispose();
    }
    return image;
  }

  /** Where the label of column {@code column} (0 = A) goes: centred at the top of the column. */
  public static Rectangle columnLabelBox(int width, int height, int column) {
    int size = fontSize(width, height);
    int boxWidth = boxWidth(size, 1);
    int boxHeight = boxHeight(size);
    int centre = (int) Math.round((column + 0.5) * width / GridCell.SIZE);
    return new Rectangle(centre - boxWidth / 2, margin(size), boxWidth, boxHeight);
  }

  /** Where the label of row {@code row} (0 = row 1) goes: at the left, centred on the row. */
  public static Rectangle rowLabelBox(int width, int height, int row) {
    int size = fontSize(width, height);
    int boxWidth = boxWidth(size, row + 1 >= 10 ? 2 : 1);
    int boxHeight = boxHeight(size);
    int centre = (int) Math.round((row + 0.5) * height / GridCell.SIZE);
    return new Rectangle(margin(size), centre - boxHeight / 2, boxWidth, boxHeight);
  }

  private static void drawLines(Graphics2D graphics, int width, int height) {
    float stroke = Math.max(1f, Math.min(width, height) / 540f);
    for (int pass = 0; pass < 2; pass++) {
      int offset = pass == 0 ? 1 : 0;
      graphics.setColor(pass == 0 ? SHADOW : LINE);
      graphics.setStroke(new BasicStroke(stroke));
      for (int i = 1; i < GridCell.SIZE; i++) {
        int x = (int) Math.round((double) i * width / GridCell.SIZE) + offset;
        int y = (int) Math.round((double) i * height / GridCell.SIZE) + offset;
        graphics.drawLine(x, 0, x, height);
        graphics.drawLine(0, y, width, y);
      }
    }
  }

  private static void drawLabel(Graphics2D graphics, String text, Rectangle box) {
    int arc = Math.max(4, box.height / 3);
    graphics.setColor(BOX);
    graphics.fillRoundRect(box.x, box.y, box.width, box.height, arc, arc);
    graphics.setColor(TEXT);
    FontMetrics metrics = graphics.getFontMetrics();
    int textX = box.x + (box.width - metrics.stringWidth(text)) / 2;
    int textY = box.y + (box.height - metrics.getHeight()) / 2 + metrics.getAscent();
    graphics.drawString(text, textX, textY);
  }

  /** About a third of a cell's smaller side, at least 10 px. */
  private static int fontSize(int width, int height) {
    double cell = Math.min((double) width, height) / GridCell.SIZE;
    return (int) Math.max(10, Math.min(96, Math.round(cell * 0.32)));
  }

  private static int boxWidth(int fontSize, int characters) {
    return (int) Math.round(fontSize * (characters == 1 ? 1.15 : 1.75));
  }

  private static int boxHeight(int fontSize) {
    return (int) Math.round(fontSize * 1.3);
  }

  private static int margin(int fontSize) {
    return Math.max(2, fontSize / 4);
  }
}
