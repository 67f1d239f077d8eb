package dev.klingbot.simulator.media;

import org.bytedeco.ffmpeg.global.avutil;

/** Keeps FFmpeg's native logging to errors only; it is very chatty on stderr otherwise. */
public final class FfmpegLogging {
  private static volatile boolean quiet;

  private FfmpegLogging() {}

  /** Sets FFmpeg's log level to errors; cheap after the first call. */
  public static void quiet() {
    if (!quiet) {
      synchronized (FfmpegLogging.class) {
        if (!quiet) {
          avutil.av_log_set_level(avutil.AV_LOG_ERROR);
          quiet = true;
        }
      }
    }
  }
}
