package dev.klingbot.simulator;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.dilate;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;
import static org.bytedeco.opencv.global.opencv_photo.INPAINT_TELEA;
import static org.bytedeco.opencv.global.opencv_photo.inpaint;

import dev.klingbot.simulator.mask.BinaryMask;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/** Pixel edits on {@code TYPE_3BYTE_BGR} frames: tint, inpaint, paste, caption. */
final class MaskPainter {
  /** Neighbourhood inpainting takes each filled pixel from, in pixels. */
  private static final int INPAINT_RADIUS = 3;

  /** Regions larger than this many pixels across are inpainted scaled down to about this size. */
  private static final double INPAINT_SIZE = 64;

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
   * Removes the masked region for real: OpenCV's inpainting (Telea's method) fills it, grown by a
   * few pixels to take the element's blurred edge along, from the pixels around it. Only a box
   * around the region is processed, which is all inpainting looks at; a large region is filled at a
   * reduced size (a fill has no fine detail to lose) and scaled back, which keeps a 720p video's
   * removal to a few milliseconds per frame.
   */
  static void inpaintRegion(BufferedImage frame, BinaryMask mask) {
    int[] bounds = mask.bounds();
    if (bounds.length == 0) {
      return;
    }
    int width = frame.getWidth();
    int height = frame.getHeight();
    int grow = Math.max(3, width / 160);
    int margin = grow + 2 * INPAINT_RADIUS + 2;
    int x0 = Math.max(0, bounds[0] - margin);
    int y0 = Math.max(0, bounds[1] - margin);
    int x1 = Math.min(width - 1, bounds[2] + margin);
    int y1 = Math.min(height - 1, bounds[3] + margin);
    int boxWidth = x1 - x0 + 1;
    int boxHeight = y1 - y0 + 1;
    byte[] data = pixels(frame);
    byte[] box = new byte[boxWidth * boxHeight * 3];
    byte[] bits = new byte[boxWidth * boxHeight];
    for (int y = 0; y < boxHeight; y++) {
      System.arraycopy(data, ((y0 + y) * width + x0) * 3, box, y * boxWidth * 3, boxWidth * 3);
      for (int x = 0; x < boxWidth; x++) {
        bits[y * boxWidth + x] = mask.get(x0 + x, y0 + y) ? (byte) 255 : 0;
      }
    }
    int factor = Math.max(1, (int) Math.ceil(Math.max(boxWidth, boxHeight) / INPAINT_SIZE));
    byte[] grownBits = new byte[bits.length];
    try (Mat image = new Mat(boxHeight, boxWidth, CV_8UC3);
        Mat region = new Mat(boxHeight, boxWidth, CV_8UC1);
        Mat grown = new Mat();
        Size kernelSize = new Size(2 * grow + 1, 2 * grow + 1);
        Mat kernel = getStructuringElement(MORPH_ELLIPSE, kernelSize);
        Size smallSize = new Size(divideUp(boxWidth, factor), divideUp(boxHeight, factor));
        Size fullSize = new Size(boxWidth, boxHeight);
        Mat smallImage = new Mat();
        Mat smallRegion = new Mat();
        Mat smallFilled = new Mat();
        Mat filled = new Mat()) {
      image.data().put(box);
      region.data().put(bits);
      dilate(region, grown, kernel);
      grown.data().get(grownBits);
      if (factor == 1) {
        inpaint(image, grown, filled, INPAINT_RADIUS, INPAINT_TELEA);
      } else {
        resize(image, smallImage, smallSize, 0, 0, INTER_AREA);
        // any covered pixel of a small cell marks the cell, so no edge colour leaks into the fill
        resize(grown, smallRegion, smallSize, 0, 0, INTER_AREA);
        threshold(smallRegion, smallRegion, 0, 255, THRESH_BINARY);
        inpaint(smallImage, smallRegion, smallFilled, INPAINT_RADIUS, INPAINT_TELEA);
        resize(smallFilled, filled, fullSize, 0, 0, INTER_LINEAR);
      }
      byte[] fill = new byte[box.length];
      filled.data().get(fill);
      for (int i = 0; i < grownBits.length; i++) {
        if (grownBits[i] != 0) {
          box[i * 3] = fill[i * 3];
          box[i * 3 + 1] = fill[i * 3 + 1];
          box[i * 3 + 2] = fill[i * 3 + 2];
        }
      }
    }
    for (int y = 0; y < boxHeight; y++) {
      System.arraycopy(box, y * boxWidth * 3, data, ((y0 + y) * width + x0) * 3, boxWidth * 3);
    }
  }

  private static int divideUp(int value, int divisor) {
    return Math.max(1, (value + divisor - 1) / divisor);
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
