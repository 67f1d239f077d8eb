package dev.klingbot.simulator;

/**
 * Why init-selection rejected a video: the non-zero {@code data.status} codes the simulator answers
 * (HTTP 200, envelope {@code code} 0, the reason in words in the envelope {@code message}). Kling
 * does not document its own codes; these are the simulator's.
 *
 * <p>Checks run in this order: fetch ({@link #VIDEO_UNREACHABLE}, {@link #VIDEO_TOO_LARGE}), decode
 * ({@link #NOT_A_VIDEO}), container ({@link #UNSUPPORTED_FORMAT}), duration ({@link #BAD_DURATION}:
 * 2–5 s or 7–10 s, with {@value #DURATION_TOLERANCE_MS} ms of tolerance for container rounding),
 * size ({@link #BAD_RESOLUTION}: width and height each 720–2160 px), frame rate ({@link
 * #BAD_FRAME_RATE}: 24, 30 or 60 fps, ±0.01). A {@code video_id} that names no result video of the
 * last 30 days gives {@link #VIDEO_NOT_FOUND}.
 */
public enum InitRejection {
  /** The URL could not be fetched: connection refused, timeout, or a non-2xx answer. */
  VIDEO_UNREACHABLE(1),
  /** The download exceeded the configured maximum size. */
  VIDEO_TOO_LARGE(2),
  /** The bytes are not a decodable video. */
  NOT_A_VIDEO(3),
  /** The container is not MP4 or MOV. */
  UNSUPPORTED_FORMAT(4),
  /** The duration is outside 2–5 s and 7–10 s. */
  BAD_DURATION(5),
  /** Width or height is outside 720–2160 px. */
  BAD_RESOLUTION(6),
  /** The frame rate is not 24, 30 or 60 fps. */
  BAD_FRAME_RATE(7),
  /** No video with that {@code video_id}. */
  VIDEO_NOT_FOUND(8);

  /** Milliseconds a duration may exceed a bound and still pass. */
  public static final long DURATION_TOLERANCE_MS = 50;

  private final int status;

  InitRejection(int status) {
    this.status = status;
  }

  /** The {@code data.status} value. */
  public int status() {
    return status;
  }
}
