package dev.klingbot.core.media;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.i18n.Messages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Reads single frames out of a video (for marking points on them) and writes images as PNG. Frame
 * numbers start at 0, as in Kling's {@code frame_index}.
 */
public final class FrameExtractor {
  /** Frames up to this many seconds in are decoded forward instead of seeking. */
  static final double SEQUENTIAL_FRAMES_SECONDS = 3.0;

  public FrameExtractor() {
    Ffmpeg.init();
  }

  /**
   * Frame {@code frameIndex} (0 = first) of {@code video} as an RGB image, found by seeking to its
   * time rather than decoding everything before it.
   *
   * @throws MediaException of kind {@link MediaProblem#FRAME_OUT_OF_RANGE} (with the frame count)
   *     when the video has no such frame, or another kind when it cannot be read
   */
  public BufferedImage frame(Path video, int frameIndex) {
    requireNonNull(video, "video is null");
    if (frameIndex < 0) {
      throw new MediaException(
          MediaProblem.FRAME_OUT_OF_RANGE,
          Messages.text("media.frame.negative", String.valueOf(frameIndex)));
    }
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
        Java2DFrameConverter converter = new Java2DFrameConverter()) {
      grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
      grabber.start();
      long frameCount = grabber.getLengthInFrames();
      if (grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
        throw new MediaException(MediaProblem.NO_VIDEO_STREAM, VideoProbe.NOT_A_VIDEO);
      }
      if (frameCount > 0 && frameIndex >= frameCount) {
        throw outOfRange(frameIndex, frameCount);
      }
      Frame frame = grabber.grabImage();
      if (frame != null && frameIndex > 0) {
        double fps = grabber.getFrameRate() > 0 ? grabber.getFrameRate() : 30;
        long target = frame.timestamp + Math.round(frameIndex * 1_000_000.0 / fps);
        long halfFrame = Math.round(500_000.0 / fps);
        // Seeking costs about as much as decoding a couple of seconds of video
        // (benchmarks/FrameSeekBenchmark), so near frames are reached by decoding forward.
        if (frameIndex > SEQUENTIAL_FRAMES_SECONDS * fps) {
          grabber.setVideoTimestamp(target);
          frame = grabber.grabImage();
        }
        // step to the frame that covers the target time (a seek can also stop a frame early)
        while (frame != null && frame.timestamp + halfFrame < target) {
          frame = grabber.grabImage();
        }
      }
      if (frame == null) {
        throw outOfRange(frameIndex, frameCount);
      }
      return MaskOverlay.rgbCopy(converter.convert(frame));
    } catch (FrameGrabber.Exception e) {
      throw new MediaException(MediaProblem.NOT_A_VIDEO, VideoProbe.NOT_A_VIDEO, e);
    }
  }

  /**
   * The frame of {@code video} on screen {@code millis} milliseconds after its start, as an RGB
   * image.
   *
   * @throws MediaException of kind {@link MediaProblem#FRAME_OUT_OF_RANGE} when the video ends
   *     before that moment, or another kind when it cannot be read
   */
  public BufferedImage frameAt(Path video, long millis) {
    requireNonNull(video, "video is null");
    if (millis < 0) {
      throw new IllegalArgumentException("a moment before the start: " + millis);
    }
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
        Java2DFrameConverter converter = new Java2DFrameConverter()) {
      grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
      grabber.start();
      if (grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
        throw new MediaException(MediaProblem.NO_VIDEO_STREAM, VideoProbe.NOT_A_VIDEO);
      }
      Frame frame = grabber.grabImage();
      if (frame != null && millis > 0) {
        double fps = grabber.getFrameRate() > 0 ? grabber.getFrameRate() : 30;
        long target = frame.timestamp + millis * 1000;
        long halfFrame = Math.round(500_000.0 / fps);
        if (millis > SEQUENTIAL_FRAMES_SECONDS * 1000) {
          grabber.setVideoTimestamp(target);
          frame = grabber.grabImage();
        }
        while (frame != null && frame.timestamp + halfFrame < target) {
          frame = grabber.grabImage();
        }
      }
      if (frame == null) {
        throw new MediaException(
            MediaProblem.FRAME_OUT_OF_RANGE,
            Messages.text("media.frame.past.end", MediaText.seconds(millis)));
      }
      return MaskOverlay.rgbCopy(converter.convert(frame));
    } catch (FrameGrabber.Exception e) {
      throw new MediaException(MediaProblem.NOT_A_VIDEO, VideoProbe.NOT_A_VIDEO, e);
    }
  }

  /** Writes {@code image} to {@code file} as PNG (complete or not at all). */
  public void writePng(BufferedImage image, Path file) {
    requireNonNull(image, "image is null");
    requireNonNull(file, "file is null");
    Path temp = AtomicFiles.tempFileFor(file);
    try {
      if (!ImageIO.write(image, "png", temp.toFile())) {
        throw new MediaException(
            MediaProblem.IO_ERROR, Messages.text("media.frame.png.unsupported"));
      }
      AtomicFiles.moveIntoPlace(temp, file);
    } catch (IOException e) {
      throw new MediaException(
          MediaProblem.IO_ERROR, Messages.text("media.frame.write.failed", file.toString()), e);
    } finally {
      AtomicFiles.deleteQuietly(temp);
    }
  }

  private static MediaException outOfRange(int frameIndex, long frameCount) {
    String message =
        frameCount > 0
            ? Messages.text(
                "media.frame.out.of.range",
                String.valueOf(frameIndex),
                String.valueOf(frameCount),
                String.valueOf(frameCount - 1))
            : Messages.text("media.frame.out.of.range.unknown", String.valueOf(frameIndex));
    return new MediaException(MediaProblem.FRAME_OUT_OF_RANGE, message);
  }
}
