package dev.klingbot.core.chat;

import static java.util.Objects.requireNonNull;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A file a person shared could not be fetched ({@link SharedFiles#fetch}). The message is a
 * sentence for the user; {@link #problem()} (with the {@linkplain #size() size} or {@linkplain
 * #status() status} when known) lets a front-end say it in its platform's words instead.
 */
public final class SharedFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Problem {
    /** The link (or a redirect) is no https web link, or leads to an address the bot avoids. */
    NOT_A_LINK,
    /** The link redirected more times than the bot follows. */
    TOO_MANY_REDIRECTS,
    /** The file is larger than the limit ({@link #size()} when the server announced it). */
    TOO_LARGE,
    /** The answer was a web page, not the file: usually a sign-in page (a missing permission). */
    WEB_PAGE,
    /** The server answered an error status ({@link #status()}). */
    HTTP_STATUS,
    /** The download took longer than allowed. */
    TIMEOUT,
    /** The server could not be reached or the connection broke. */
    NETWORK,
    /** The downloading thread was interrupted (the bot is stopping). */
    INTERRUPTED,
    /** The downloaded file could not be written. */
    IO_ERROR
  }

  private final Problem problem;
  private final long size;
  private final int status;

  SharedFileException(Problem problem, String message, Throwable cause, long size, int status) {
    super(requireNonNull(message, "message is null"), cause);
    this.problem = requireNonNull(problem, "problem is null");
    this.size = size;
    this.status = status;
  }

  public Problem problem() {
    return problem;
  }

  /** For {@link Problem#TOO_LARGE}: the size in bytes, when the server announced it. */
  public OptionalLong size() {
    return size < 0 ? OptionalLong.empty() : OptionalLong.of(size);
  }

  /** For {@link Problem#HTTP_STATUS}: the status the server answered. */
  public OptionalInt status() {
    return status <= 0 ? OptionalInt.empty() : OptionalInt.of(status);
  }
}
