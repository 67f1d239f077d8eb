package dev.klingbot.simulator.media;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/** Reads a video's container, codec, size, frame rate, duration and frame count with FFmpeg. */
public final class VideoProbe {
  private VideoProbe() {}

  /**
   * Probes {@code file}.
   *
   * @throws IOException when FFmpeg cannot open it or it has no video stream
   */
  public static VideoInfo probe(Path file) throws IOException {
    requireNonNull(file, "file is null");
    FfmpegLogging.quiet();
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
      grabber.start();
      if (grabber.getVideoCodec() == 0 || grabber.getImageWidth() <= 0) {
        throw new IOException("no video stream");
      }
      double fps = grabber.getVideoFrameRate() > 0 ? grabber.getVideoFrameRate() : 0;
      long duration = Math.max(0, grabber.getLengthInTime());
      int frames = grabber.getLengthInVideoFrames();
      if (frames <= 0 && fps > 0) {
        frames = (int) Math.round(duration / 1_000_000.0 * fps);
      }
      return new VideoInfo(
          Objects.requireNonNullElse(grabber.getFormat(), ""),
          Objects.requireNonNullElse(grabber.getMetadata("major_brand"), ""),
          Objects.requireNonNullElse(grabber.getVideoCodecName(), ""),
          grabber.getImageWidth(),
          grabber.getImageHeight(),
          fps,
          duration,
          frames);
    } catch (IOException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new IOException("cannot probe " + file.getFileName() + ": " + e.getMessage(), e);
    }
  }
}
