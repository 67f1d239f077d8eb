package dev.klingbot.core.media;

import static java.util.Objects.requireNonNull;

/**
 * A media problem with a message in plain words that can be shown to the user as is. FFmpeg's own
 * error text, when there is one, stays in the {@linkplain #getCause() cause} for the logs.
 */
public final class MediaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final MediaProblem kind;

  /** A problem with a user-facing message. */
  public MediaException(MediaProblem kind, String message) {
    this(kind, message, null);
  }

  /** A problem with a user-facing message and the low-level cause (for the logs only). */
  public MediaException(MediaProblem kind, String message, Throwable cause) {
    super(requireNonNull(message, "message is null"), cause);
    this.kind = requireNonNull(kind, "kind is null");
  }

  /** What kind of problem this is. */
  public MediaProblem kind() {
    return kind;
  }
}
