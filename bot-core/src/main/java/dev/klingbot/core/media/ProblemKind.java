package dev.klingbot.core.media;

/** Which of Kling's video rules (or the bot's size limit) a {@link VideoProblem} is about. */
public enum ProblemKind {
  /** The file is larger than the configured limit. */
  FILE_SIZE,
  /** Not MP4 or MOV. */
  CONTAINER,
  /** MP4 or MOV, but not H.264 video. */
  CODEC,
  /** Not 2–5 s or 7–10 s long. */
  DURATION,
  /** Not 24, 30 or 60 frames per second. */
  FRAME_RATE,
  /** Width or height outside 720–2160 pixels. */
  DIMENSIONS,
  /** Stored turned, with a rotation flag (portrait phone video). */
  ROTATION
}
