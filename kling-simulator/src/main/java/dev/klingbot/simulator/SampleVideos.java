package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import dev.klingbot.simulator.media.VideoFormat;
import dev.klingbot.simulator.media.VideoWriter;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes synthetic test videos: a flat blue sky over a green ground band, a static purple square
 * and an orange ball rolling from left to right, so that clicks and region growing find real
 * objects. Use {@link #ballCentre} and {@link #squareCentre} to click on them.
 */
public final class SampleVideos {
  /** The ball's colour. */
  public static final int BALL_RGB = 0xfa961e;

  /** The square's colour. */
  public static final int SQUARE_RGB = 0x963caa;

  /** The sky's colour. */
  public static final int SKY_RGB = 0x233764;

  private static final int GROUND_RGB = 0x466e3c;

  private SampleVideos() {}

  /** An H.264 MP4 of the scene, e.g. {@code mp4(out, 1280, 720, 30, 5)} for a valid clip. */
  public static Path mp4(Path out, int width, int height, double fps, double seconds)
      throws IOException {
    return write(out, VideoFormat.MP4_H264, width, height, fps, seconds);
  }

  /**
   * The scene in any {@link VideoFormat}, e.g. {@link VideoFormat#WEBM_VP8} or {@link
   * VideoFormat#MKV_MPEG4} for a container Kling rejects.
   */
  public static Path write(
      Path out, VideoFormat format, int width, int height, double fps, double seconds)
      throws IOException {
    requireNonNull(out, "out is null");
    requireNonNull(format, "format is null");
    int frames = Math.max(1, (int) Math.round(fps * seconds));
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    try (VideoWriter writer = VideoWriter.open(out, format, width, height, fps)) {
      BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
      for (int i = 0; i < frames; i++) {
        draw(frame, i, frames);
        writer.write(frame);
      }
    }
    return out;
  }

  /** A file with a video extension that holds text, not video. */
  public static Path notAVideo(Path out) throws IOException {
    requireNonNull(out, "out is null");
    return Files.write(out, "this is not a video\n".getBytes(StandardCharsets.UTF_8));
  }

  /** The normalized centre of the ball in frame {@code index} of {@code frameCount}. */
  public static SelectionPoint ballCentre(int index, int frameCount) {
    double progress = frameCount <= 1 ? 0 : index / (double) (frameCount - 1);
    return new SelectionPoint(0.2 + 0.4 * progress, 0.5);
  }

  /** The normalized centre of the static square. */
  public static SelectionPoint squareCentre() {
    return new SelectionPoint(0.8, 0.3);
  }

  private static void draw(BufferedImage frame, int index, int frameCount) {
    int width = frame.getWidth();
    int height = frame.getHeight();
    Graphics2D g = frame.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(new Color(SKY_RGB));
      g.fillRect(0, 0, width, height);
      g.setColor(new Color(GROUND_RGB));
      g.fillRect(0, height * 4 / 5, width, height - height * 4 / 5);
      int side = height / 4;
      SelectionPoint square = squareCentre();
      g.setColor(new Color(SQUARE_RGB));
      g.fillRect(
          (int) (square.x() * width) - side / 2,
          (int) (square.y() * height) - side / 2,
          side,
          side);
      SelectionPoint ball = ballCentre(index, frameCount);
      int radius = height / 8;
      g.setColor(new Color(BALL_RGB));
      g.fillOval(
          (int) (ball.x() * width) - radius,
          (int) (ball.y() * height) - radius,
          2 * radius,
          2 * radius);
      g.setColor(Color.WHITE);
      try {
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, Math.max(10, height / 36)));
        g.drawString("frame " + index, height / 40, height - height / 40);
      } catch (RuntimeException | InternalError e) {
        // no fonts on this machine: the counter is only decoration
      }
    } finally {
      g.dispose();
    }
  }
}
