package dev.klingbot.core.media;

/** What went wrong with a video, an image or a download; see {@link MediaException#kind()}. */
public enum MediaProblem {
  /** The file does not exist (or is not a regular file). */
  FILE_NOT_FOUND,
  /** The file is empty, damaged, a still picture, or not a media file at all. */
  NOT_A_VIDEO,
  /** A media file with sound only, no pictures. */
  NO_VIDEO_STREAM,
  /** The file or download is larger than the configured limit. */
  TOO_LARGE,
  /** The text given as a link is not an http(s) link. */
  BAD_URL,
  /** The link answered with an error status (404, 403, ...). */
  HTTP_ERROR,
  /** A link redirected more times than the bot follows. */
  TOO_MANY_REDIRECTS,
  /** The download took longer than allowed. */
  TIMEOUT,
  /** The thread downloading was interrupted (the bot is shutting down). */
  INTERRUPTED,
  /** The server could not be reached or the connection broke. */
  NETWORK,
  /** The video breaks a rule that the bot cannot fix (too short, shape too extreme, ...). */
  CANNOT_FIX,
  /** The frame asked for is past the end of the video. */
  FRAME_OUT_OF_RANGE,
  /** Converting or reading the video failed part-way (a bug or a damaged file). */
  CONVERSION_FAILED,
  /** The file is not a picture the bot can read (damaged, WebP, not a picture at all). */
  NOT_AN_IMAGE,
  /** The picture breaks a rule that the bot cannot fix (far too large, far too small). */
  IMAGE_REFUSED,
  /** A local file could not be read or written. */
  IO_ERROR
}
