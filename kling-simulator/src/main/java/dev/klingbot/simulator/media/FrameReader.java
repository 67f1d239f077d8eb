package dev.klingbot.simulator.media;

import static java.util.Objects.requireNonNull;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * Decodes a video's frames in order as {@link BufferedImage#TYPE_3BYTE_BGR} images (each a fresh
 * copy the caller owns).
 */
public final class FrameReader implements AutoCloseable {
  private final FFmpegFrameGrabber grabber;

  private FrameReader(FFmpegFrameGrabber grabber) {
    this.grabber = grabber;
  }

  /** Opens {@code video} for decoding. */
  public static FrameReader open(Path video) throws IOException {
    requireNonNull(video, "video is null");
    FfmpegLogging.quiet();
    FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
    grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
    try {
      grabber.start();
    } catch (IOException | RuntimeException e) {
      grabber.close();
      throw new IOException("cannot decode " + video.getFileName() + ": " + e.getMessage(), e);
    }
    return new FrameReader(grabber);
  }

  /** Decodes frame {@code index} (0-based) of {@code video}, reading from the start. */
  public static BufferedImage readFrame(Path video, int index) throws IOException {
    try (FrameReader reader = open(video)) {
      BufferedImage last = null;
      for (int i = 0; i <= index; i++) {
        BufferedImage frame = reader.next();
        if (frame == null) {
          if (last == null) {
            throw new IOException("video has no frames");
          }
          return last;
        }
        last = frame;
      }
      return last;
    }
  }

  /** The next frame, or {@code null} at the end of the video. */
  public BufferedImage next() throws IOException {
    Frame frame = grabber.grabImage();
    if (frame == null || frame.image == null || frame.image.length == 0) {
      return null;
    }
    return toImage(frame);
  }

  private static BufferedImage toImage(Frame frame) {
    int width = frame.imageWidth;
    int height = frame.imageHeight;
    int stride = frame.imageStride;
    ByteBuffer source = ((ByteBuffer) frame.image[0]).duplicate();
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    int rowBytes = width * 3;
    for (int y = 0; y < height; y++) {
      source.position(y * stride);
      source.get(target, y * rowBytes, rowBytes);
    }
    return image;
  }

  @Override
  public void close() throws IOException {
    grabber.close();
  }
}
