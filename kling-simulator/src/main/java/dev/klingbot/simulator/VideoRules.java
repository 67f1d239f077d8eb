package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import dev.klingbot.simulator.media.VideoInfo;
import java.util.Locale;
import java.util.Optional;

/** The init-selection video rules of kling-api.md, in {@link InitRejection}'s order. */
final class VideoRules {
  static final int MIN_SIDE = 720;
  static final int MAX_SIDE = 2160;
  private static final double[] FRAME_RATES = {24, 30, 60};
  private static final double FPS_TOLERANCE = 0.01;

  /** A broken rule and its explanation. */
  record Rejection(InitRejection reason, String message) {
    Rejection {
      requireNonNull(reason, "reason is null");
      requireNonNull(message, "message is null");
    }
  }

  private VideoRules() {}

  static Optional<Rejection> check(VideoInfo info) {
    if (!info.isMp4OrMov()) {
      return reject(
          InitRejection.UNSUPPORTED_FORMAT,
          "only MP4 and MOV videos are supported; this one is " + describeFormat(info));
    }
    long millis = info.durationMillis();
    long tolerance = InitRejection.DURATION_TOLERANCE_MS;
    boolean shortClip = millis >= 2000 - tolerance && millis <= 5000 + tolerance;
    boolean longClip = millis >= 7000 - tolerance && millis <= 10000 + tolerance;
    if (!shortClip && !longClip) {
      return reject(
          InitRejection.BAD_DURATION,
          String.format(
              Locale.ROOT,
              "video duration must be 2-5 s or 7-10 s; this one is %.2f s",
              millis / 1000.0));
    }
    if (outside(info.width()) || outside(info.height())) {
      return reject(
          InitRejection.BAD_RESOLUTION,
          "video width and height must each be "
              + MIN_SIDE
              + "-"
              + MAX_SIDE
              + " px; this one is "
              + info.width()
              + "x"
              + info.height());
    }
    for (double rate : FRAME_RATES) {
      if (Math.abs(info.fps() - rate) <= FPS_TOLERANCE) {
        return Optional.empty();
      }
    }
    return reject(
        InitRejection.BAD_FRAME_RATE,
        String.format(
            Locale.ROOT,
            "video frame rate must be 24, 30 or 60 fps; this one is %.3f",
            info.fps()));
  }

  private static boolean outside(int side) {
    return side < MIN_SIDE || side > MAX_SIDE;
  }

  private static String describeFormat(VideoInfo info) {
    String format = info.format();
    if (format.contains("matroska") || format.contains("webm")) {
      return "Matroska/WebM";
    }
    if (format.contains("mp4") && info.majorBrand().startsWith("3g")) {
      return "3GP";
    }
    return format.isEmpty() ? "unknown" : format;
  }

  private static Optional<Rejection> reject(InitRejection reason, String message) {
    return Optional.of(new Rejection(reason, message));
  }
}
