package dev.klingbot.core.media;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.i18n.Fonts;
import dev.klingbot.core.i18n.Lang;
import dev.klingbot.core.i18n.Messages;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Puts a source and its edited result side by side, at the same height, labelled "Before" (left)
 * and "After" (right): as one picture, or as a short H.264 MP4 where both play in step. The labels
 * sit in a dark band above the pictures, so they never cover a caption or the edited spot, and are
 * sized to the pictures' height, so they read from 360p to 4K.
 */
public final class SideBySide {
  /** The labels in the language spoken, or in English where no font can draw that language. */
  static String[] labels(int size) {
    String before = Messages.text("media.compare.before");
    String after = Messages.text("media.compare.after");
    if (Fonts.drawing(before + after, Font.BOLD, size).isPresent()) {
      return new String[] {before, after};
    }
    return new String[] {
      Messages.text(Lang.EN, "media.compare.before"), Messages.text(Lang.EN, "media.compare.after")
    };
  }

  private static final Color BACKGROUND = new Color(16, 16, 16);

  public SideBySide() {
    Ffmpeg.init();
  }

  /**
   * The two pictures {@code height} pixels high (each keeps its shape) with a gap between them,
   * below the band with the labels.
   */
  public BufferedImage still(BufferedImage before, BufferedImage after, int height) {
    requireNonNull(before, "before is null");
    requireNonNull(after, "after is null");
    Layout layout =
        Layout.of(
            before.getWidth(), before.getHeight(), after.getWidth(), after.getHeight(), height);
    BufferedImage image =
        new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_INT_RGB);
    draw(image, layout, before, after);
    return image;
  }

  /**
   * Writes {@code before} and {@code after} side by side, from {@code fromMillis} to {@code
   * toMillis} of both, {@code height} high (plus the band of labels) and the frame rate of {@code
   * after}, as an H.264 MP4 (no sound). The file is complete or not there.
   *
   * @throws MediaException when a video cannot be read or the MP4 cannot be written
   */
  public void video(Path before, Path after, long fromMillis, long toMillis, int height, Path out) {
    requireNonNull(before, "before is null");
    requireNonNull(after, "after is null");
    requireNonNull(out, "out is null");
    if (toMillis <= fromMillis) {
      throw new IllegalArgumentException(
          "an empty stretch of time: " + fromMillis + "–" + toMillis);
    }
    VideoProbe probe = new VideoProbe();
    VideoInfo beforeInfo = probe.probe(before);
    VideoInfo afterInfo = probe.probe(after);
    Layout layout =
        Layout.of(
            beforeInfo.width(), beforeInfo.height(), afterInfo.width(), afterInfo.height(), height);
    Path temp = AtomicFiles.tempFileFor(out);
    try (FFmpegFrameGrabber first =
            Ffmpeg.bgrGrabber(before, layout.beforeWidth(), layout.pictureHeight());
        FFmpegFrameGrabber second =
            Ffmpeg.bgrGrabber(after, layout.afterWidth(), layout.pictureHeight());
        Java2DFrameConverter firstPictures = new Java2DFrameConverter();
        Java2DFrameConverter secondPictures = new Java2DFrameConverter();
        Java2DFrameConverter output = new Java2DFrameConverter()) {
      first.start();
      second.start();
      double fps = second.getFrameRate() > 0 ? second.getFrameRate() : 30;
      ChangeFinder.Cursor firstCursor = new ChangeFinder.Cursor(first);
      ChangeFinder.Cursor secondCursor = new ChangeFinder.Cursor(second);
      firstCursor.skipTo(fromMillis);
      secondCursor.skipTo(fromMillis);
      BufferedImage canvas =
          new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_3BYTE_BGR);
      long frames = Math.max(1, Math.round((toMillis - fromMillis) * fps / 1000.0));
      long written = 0;
      try (FFmpegFrameRecorder recorder =
          new FFmpegFrameRecorder(temp.toFile(), layout.width(), layout.height(), 0)) {
        VideoConformer.configureH264(recorder, fps, layout.width(), layout.height());
        recorder.start();
        for (long i = 0; i < frames; i++) {
          long millis = fromMillis + Math.round(i * 1000.0 / fps);
          Frame firstFrame = firstCursor.at(millis);
          Frame secondFrame = secondCursor.at(millis);
          if (firstFrame == null || secondFrame == null) {
            break;
          }
          draw(
              canvas,
              layout,
              firstPictures.getBufferedImage(firstFrame),
              secondPictures.getBufferedImage(secondFrame));
          recorder.record(output.convert(canvas), avutil.AV_PIX_FMT_BGR24);
          written++;
        }
        if (written == 0) {
          throw new MediaException(
              MediaProblem.NOT_A_VIDEO, "No pictures could be read from the videos to compare.");
        }
        recorder.stop();
      }
      AtomicFiles.moveIntoPlace(temp, out);
    } catch (FrameGrabber.Exception | FrameRecorder.Exception e) {
      throw new MediaException(
          MediaProblem.CONVERSION_FAILED, "The side-by-side video could not be written.", e);
    } finally {
      AtomicFiles.deleteQuietly(temp);
    }
  }

  /** The label size for a picture {@code height} pixels high: about 1/18 of it, at least 14 px. */
  static int fontSize(int height) {
    return Math.max(14, Math.round(height / 18f));
  }

  /** The height of the band above pictures {@code height} pixels high (even, for H.264). */
  static int bandHeight(int height) {
    return Math.round(fontSize(height) * 1.8f / 2) * 2;
  }

  private static void draw(
      BufferedImage target, Layout layout, BufferedImage before, BufferedImage after) {
    Graphics2D graphics = target.createGraphics();
    try {
      graphics.setColor(BACKGROUND);
      graphics.fillRect(0, 0, layout.width(), layout.height());
      graphics.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      int top = layout.band();
      graphics.drawImage(before, 0, top, layout.beforeWidth(), layout.pictureHeight(), null);
      graphics.drawImage(
          after, layout.afterX(), top, layout.afterWidth(), layout.pictureHeight(), null);
      graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      graphics.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      int size = fontSize(layout.pictureHeight());
      String[] labels = labels(size);
      graphics.setFont(
          Fonts.drawing(labels[0] + labels[1], Font.BOLD, size)
              .orElse(new Font(Font.SANS_SERIF, Font.BOLD, size)));
      graphics.setColor(Color.WHITE);
      label(graphics, labels[0], new Rectangle(0, 0, layout.beforeWidth(), top));
      label(graphics, labels[1], new Rectangle(layout.afterX(), 0, layout.afterWidth(), top));
    } finally {
      graphics.dispose();
    }
  }

  /** Writes {@code text} centred in {@code box}. */
  private static void label(Graphics2D graphics, String text, Rectangle box) {
    FontMetrics metrics = graphics.getFontMetrics();
    int textX = box.x + (box.width - metrics.stringWidth(text)) / 2;
    int textY = box.y + (box.height - metrics.getHeight()) / 2 + metrics.getAscent();
    graphics.drawString(text, textX, textY);
  }

  /**
   * Where the halves go: both {@code pictureHeight} high (even, for H.264), each as wide as its
   * shape asks (even), with a gap between them, below a band {@code band} high for the labels.
   */
  record Layout(int beforeWidth, int afterWidth, int gap, int band, int pictureHeight) {
    static Layout of(
        int beforeWidth, int beforeHeight, int afterWidth, int afterHeight, int height) {
      if (beforeWidth <= 0 || beforeHeight <= 0 || afterWidth <= 0 || afterHeight <= 0) {
        throw new MediaException(MediaProblem.NOT_A_VIDEO, "A picture to compare has no size.");
      }
      int even = Math.max(2, height / 2 * 2);
      return new Layout(
          scaledWidth(beforeWidth, beforeHeight, even),
          scaledWidth(afterWidth, afterHeight, even),
          Math.max(2, even / 180 * 2),
          bandHeight(even),
          even);
    }

    private static int scaledWidth(int width, int height, int toHeight) {
      return Math.max(2, (int) Math.round(width * (double) toHeight / height / 2) * 2);
    }

    int afterX() {
      return beforeWidth + gap;
    }

    int width() {
      return beforeWidth + gap + afterWidth;
    }

    int height() {
      return band + pictureHeight;
    }
  }
}
