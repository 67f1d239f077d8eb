package dev.klingbot.simulator;

import dev.klingbot.simulator.mask.BinaryMask;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/** Pixel edits on {@code TYPE_3BYTE_BGR} frames: tint, fill, paste, caption. */
final class MaskPainter {
  private MaskPainter() {}

  private static byte[] pixels(BufferedImage frame) {
    return ((DataBufferByte) frame.getRaster().getDataBuffer()).getData();
  }

  /** Blends {@code rgb} over the masked pixels with opacity {@code alpha}. */
  static void tint(BufferedImage frame, BinaryMask mask, int rgb, double alpha) {
    byte[] data = pixels(frame);
    int width = frame.getWidth();
    int[] bgr = {rgb & 0xff, (rgb >> 8) & 0xff, (rgb >> 16) & 0xff};
    int[] bounds = mask.bounds();
    if (bounds.length == 0) {
      return;
    }
    for (int y = bounds[1]; y <= bounds[3]; y++) {
      for (int x = bounds[0]; x <= bounds[2]; x++) {
        if (mask.get(x, y)) {
          int offset = (y * width + x) * 3;
          for (int c = 0; c < 3; c++) {
            int value = data[offset + c] & 0xff;
            data[offset + c] = (byte) Math.round(value * (1 - alpha) + bgr[c] * alpha);
          }
        }
      }
    }
  }

  /**
   * "Removes" the masked region: fills it with the median colour of the unmasked pixels around it
   * (within a margin of its bounding box), which is the background in most scenes.
   */
  static void fillFromSurroundings(BufferedImage frame, BinaryMask mask) {
    int[] bounds = mask.bounds();
    if (bounds.length == 0) {
      return;
    }
    byte[] data = pixels(frame);
    int width = frame.getWidth();
    int height = frame.getHeight();
    int margin = Math.max(6, width / 40);
    int[][] histogram = new int[3][256];
    long count = 0;
    for (int y = Math.max(0, bounds[1] - margin);
        y <= Math.min(height - 1, bounds[3] + margin);
        y++) {
      for (int x = Math.max(0, bounds[0] - margin);
          x <= Math.min(width - 1, bounds[2] + margin);
          x++) {
        if (!mask.get(x, y)) {
          int offset = (y * width + x) * 3;
          for (int c = 0; c < 3; c++) {
            histogram[c][data[offset + c] & 0xff]++;
          }
          count++;
        }
      }
    }
    if (count == 0) {
      return;
    }
    byte[] fill = new byte[3];
    for (int c = 0; c < 3; c++) {
      long seen = 0;
      int value = 0;
      while (value < 255 && (seen += histogram[c][value]) * 2 < count) {
        value++;
      }
      fill[c] = (byte) value;
    }
    for (int y = bounds[1]; y <= bounds[3]; y++) {
      for (int x = bounds[0]; x <= bounds[2]; x++) {
        if (mask.get(x, y)) {
          int offset = (y * width + x) * 3;
          data[offset] = fill[0];
          data[offset + 1] = fill[1];
          data[offset + 2] = fill[2];
        }
      }
    }
  }

  /**
   * Draws the region's border as a dashed line of {@code rgb}, so a filled region stays visible.
   */
  static void dashedOutline(BufferedImage frame, BinaryMask mask, int rgb) {
    int[] bounds = mask.bounds();
    if (bounds.length == 0) {
      return;
    }
    byte[] data = pixels(frame);
    int width = frame.getWidth();
    for (int y = bounds[1]; y <= bounds[3]; y++) {
      for (int x = bounds[0]; x <= bounds[2]; x++) {
        boolean edge =
            mask.get(x, y)
                && (!mask.get(x - 1, y)
                    || !mask.get(x + 1, y)
                    || !mask.get(x, y - 1)
                    || !mask.get(x, y + 1));
        if (edge && ((x + y) / 8) % 2 == 0) {
          int offset = (y * width + x) * 3;
          data[offset] = (byte) (rgb & 0xff);
          data[offset + 1] = (byte) ((rgb >> 8) & 0xff);
          data[offset + 2] = (byte) ((rgb >> 16) & 0xff);
        }
      }
    }
  }

  /**
   * Copies {@code patch}'s pixels into the masked pixels; {@code patch} covers the mask's bounds
   * (see {@link #scaled}).
   */
  static void paste(BufferedImage frame, BinaryMask mask, BufferedImage patch) {
    int[] bounds = mask.bounds();
    if (bounds.length == 0) {
      return;
    }
    byte[] data = pixels(frame);
    byte[] source = pixels(patch);
    int width = frame.getWidth();
    int patchWidth = patch.getWidth();
    for (int y = bounds[1]; y <= bounds[3]; y++) {
      for (int x = bounds[0]; x <= bounds[2]; x++) {
        if (mask.get(x, y)) {
          int offset = (y * width + x) * 3;
          int patchOffset = ((y - bounds[1]) * patchWidth + (x - bounds[0])) * 3;
          System.arraycopy(source, patchOffset, data, offset, 3);
        }
      }
    }
  }

  /** {@code image} stretched to {@code width × height} as {@code TYPE_3BYTE_BGR}. */
  static BufferedImage scaled(BufferedImage image, int width, int height) {
    BufferedImage out =
        new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(image, 0, 0, out.getWidth(), out.getHeight(), null);
    } finally {
      g.dispose();
    }
    return out;
  }

  /** A flat patch of {@code rgb} with {@code label} written in it. */
  static BufferedImage labelledPatch(int width, int height, int rgb, String label) {
    BufferedImage patch =
        new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = patch.createGraphics();
    try {
      g.setColor(new Color(rgb));
      g.fillRect(0, 0, patch.getWidth(), patch.getHeight());
      g.setColor(Color.WHITE);
      text(g, label, 6, Math.max(14, patch.getHeight() / 2), Math.max(10, patch.getHeight() / 6));
    } finally {
      g.dispose();
    }
    return patch;
  }

  /** Draws {@code image} fitted into the rectangle, with a white frame and a label. */
  static void place(
      BufferedImage frame, BufferedImage image, int x, int y, int width, int height, String label) {
    double scale = Math.min(width / (double) image.getWidth(), height / (double) image.getHeight());
    int drawWidth = Math.max(1, (int) (image.getWidth() * scale));
    int drawHeight = Math.max(1, (int) (image.getHeight() * scale));
    int left = x + (width - drawWidth) / 2;
    int top = y + (height - drawHeight) / 2;
    Graphics2D g = frame.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(image, left, top, drawWidth, drawHeight, null);
      g.setColor(Color.WHITE);
      g.setStroke(new BasicStroke(3));
      g.drawRect(left, top, drawWidth, drawHeight);
      text(g, label, left + 4, top + drawHeight - 6, Math.max(10, frame.getHeight() / 40));
    } finally {
      g.dispose();
    }
  }

  /** A caption in a dark box at the top-left corner. */
  static void caption(BufferedImage frame, String caption) {
    int size = Math.max(12, frame.getHeight() / 22);
    Graphics2D g = frame.createGraphics();
    try {
      g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.6f));
      g.setColor(Color.BLACK);
      g.fillRect(size / 2, size / 2, size * caption.length() * 2 / 3 + size, size * 2);
      g.setComposite(AlphaComposite.SrcOver);
      g.setColor(Color.WHITE);
      text(g, caption, size, size * 2, size);
    } finally {
      g.dispose();
    }
  }

  /** Draws text; a machine without usable fonts just gets no text. */
  private static void text(Graphics2D g, String text, int x, int y, int size) {
    try {
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
      g.drawString(text, x, y);
    } catch (RuntimeException | InternalError e) {
      // headless machines without fonts: the patch or box still shows
    }
  }
}
