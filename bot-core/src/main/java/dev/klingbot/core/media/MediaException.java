package dev.klingbot.core.media;

import static java.util.Objects.requireNonNull;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A media problem with a message in plain words that can be shown to the user as is. FFmpeg's own
 * error text, when there is one, stays in the {@linkplain #getCause() cause} for the logs.
 */
public final class MediaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final MediaProblem kind;
  private final long size;
  private final int status;

  /** A problem with a user-facing message. */
  public MediaException(MediaProblem kind, String message) {
    this(kind, message, null);
  }

  /** A problem with a user-facing message and the low-level cause (for the logs only). */
  public MediaException(MediaProblem kind, String message, Throwable cause) {
    this(kind, message, cause, -1, 0);
  }

  /** A problem that also records the file's size ({@code -1}: unknown) or the HTTP status (0). */
  MediaException(MediaProblem kind, String message, Throwable cause, long size, int status) {
    super(requireNonNull(message, "message is null"), cause);
    this.kind = requireNonNull(kind, "kind is null");
    this.size = size;
    this.status = status;
  }

  /** What kind of problem this is. */
  public MediaProblem kind() {
    return kind;
  }

  /** For {@link MediaProblem#TOO_LARGE}: the size in bytes, when the server announced it. */
  public OptionalLong size() {
    return size < 0 ? OptionalLong.empty() : OptionalLong.of(size);
  }

  /** For {@link MediaProblem#HTTP_ERROR}: the status the server answered. */
  public OptionalInt status() {
    return status <= 0 ? OptionalInt.empty() : OptionalInt.of(status);
  }
}
