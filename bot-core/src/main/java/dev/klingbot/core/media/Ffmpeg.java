package dev.klingbot.core.media;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/**
 * Loads FFmpeg once and silences its own logging: FFmpeg would print lines like "moov atom not
 * found" to stderr, in the middle of a terminal conversation. Every failure reaches the caller as
 * an exception instead, and everything the user sees is worded by this package.
 */
final class Ffmpeg {
  static {
    avutil.av_log_set_level(avutil.AV_LOG_QUIET);
  }

  private Ffmpeg() {}

  /** Makes sure the static initializer ran. */
  static void init() {
    // the work happens in the static initializer
  }

  /** A grabber (not started) that reads {@code video} as BGR pictures scaled to the given size. */
  static FFmpegFrameGrabber bgrGrabber(Path video, int width, int height) {
    FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
    grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
    grabber.setImageWidth(width);
    grabber.setImageHeight(height);
    return grabber;
  }
}
