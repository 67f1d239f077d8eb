package dev.klingbot.core.media;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/** Reads the facts Kling cares about (container, codec, length, frame rate, size) from a file. */
public final class VideoProbe {
  static final String NOT_A_VIDEO =
      "This file is not a video (or it is damaged). Upload an MP4 or MOV clip.";

  public VideoProbe() {
    Ffmpeg.init();
  }

  /**
   * Probes {@code file} without decoding the whole video.
   *
   * @throws MediaException when the file is missing, empty, not a media file, a still picture, or
   *     has no video stream; the message is written for the user
   */
  /**
   * FFmpeg reports the display matrix as counter-clockwise degrees (-90 for a phone's portrait
   * video); the clockwise turn that makes the picture upright, rounded to a quarter turn.
   */
  static int clockwiseRotation(double counterClockwise) {
    if (Double.isNaN(counterClockwise)) {
      return 0;
    }
    long quarter = Math.round(-counterClockwise / 90.0);
    return (int) (((quarter * 90) % 360 + 360) % 360);
  }

  public VideoInfo probe(Path file) {
    requireNonNull(file, "file is null");
    long size = sizeOf(file);
    if (size == 0) {
      throw new MediaException(MediaProblem.NOT_A_VIDEO, "This file is empty. " + uploadHint());
    }
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
      try {
        grabber.start();
      } catch (FrameGrabber.Exception | RuntimeException e) {
        throw new MediaException(MediaProblem.NOT_A_VIDEO, NOT_A_VIDEO, e);
      }
      String format = String.valueOf(grabber.getFormat());
      if (isStillImageFormat(format)) {
        throw new MediaException(
            MediaProblem.NOT_A_VIDEO, "This file is a still picture, not a video. " + uploadHint());
      }
      if (!grabber.hasVideo() || grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
        throw new MediaException(
            MediaProblem.NO_VIDEO_STREAM,
            grabber.hasAudio()
                ? "This file has sound but no picture. " + uploadHint()
                : NOT_A_VIDEO);
      }
      double fps = positiveOrZero(grabber.getVideoFrameRate());
      long frames = Math.max(0, grabber.getLengthInVideoFrames());
      long micros = videoStreamMicros(grabber.getFormatContext());
      if (micros <= 0) {
        micros = grabber.getLengthInTime();
      }
      long durationMillis = micros > 0 ? Math.round(micros / 1000.0) : estimateMillis(frames, fps);
      if (frames == 0 && fps > 0) {
        frames = Math.round(durationMillis * fps / 1000.0);
      }
      String codec = grabber.getVideoCodecName();
      return new VideoInfo(
          container(format, grabber.getMetadata("major_brand"), file),
          codec == null || codec.isBlank() ? "unknown" : codec.toLowerCase(Locale.ROOT),
          durationMillis,
          fps,
          grabber.getImageWidth(),
          grabber.getImageHeight(),
          frames,
          size,
          grabber.hasAudio(),
          clockwiseRotation(grabber.getDisplayRotation()));
    } catch (FrameGrabber.Exception e) {
      // only close() gets here; the facts were read already, but report it plainly
      throw new MediaException(MediaProblem.CONVERSION_FAILED, NOT_A_VIDEO, e);
    }
  }

  /** The container name used in {@link VideoInfo#container()}. */
  static String container(String format, String majorBrand, Path file) {
    if (!format.startsWith("mov,mp4")) {
      return format;
    }
    String brand = majorBrand == null ? "" : majorBrand.strip().toLowerCase(Locale.ROOT);
    if (brand.equals("qt")) {
      return "mov";
    }
    if (brand.startsWith("3g")) {
      return "3gp";
    }
    if (brand.isEmpty()) {
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      return name.endsWith(".mov") || name.endsWith(".qt") ? "mov" : "mp4";
    }
    return "mp4";
  }

  /**
   * The length of the first video stream when the file states it; the container's length can be
   * longer (a sound track that runs on), and only the pictures go to Kling.
   */
  private static long videoStreamMicros(AVFormatContext context) {
    if (context == null) {
      return 0;
    }
    for (int i = 0; i < context.nb_streams(); i++) {
      AVStream stream = context.streams(i);
      if (stream.codecpar().codec_type() == avutil.AVMEDIA_TYPE_VIDEO) {
        long duration = stream.duration();
        AVRational base = stream.time_base();
        if (duration == avutil.AV_NOPTS_VALUE || duration <= 0 || base.den() == 0) {
          return 0;
        }
        return Math.round(duration * 1_000_000.0 * base.num() / base.den());
      }
    }
    return 0;
  }

  private static boolean isStillImageFormat(String format) {
    return format.endsWith("_pipe") || format.startsWith("image2");
  }

  private static long sizeOf(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new MediaException(
          MediaProblem.FILE_NOT_FOUND, "The video file " + file.getFileName() + " was not found.");
    }
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new MediaException(
          MediaProblem.IO_ERROR, "The video file " + file.getFileName() + " cannot be read.", e);
    }
  }

  private static long estimateMillis(long frames, double fps) {
    return frames > 0 && fps > 0 ? Math.round(frames * 1000.0 / fps) : 0;
  }

  private static double positiveOrZero(double value) {
    return Double.isFinite(value) && value > 0 ? value : 0;
  }

  private static String uploadHint() {
    return "Upload an MP4 or MOV clip.";
  }
}
