package dev.klingbot.core.chat;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.Optional;

/**
 * A chat platform could not be connected to at start: either it cannot be reached (no network, a
 * name that does not resolve, a refused or timed-out connection: worth trying again) or it refused
 * the bot (a token to fix: trying again would not help). The message is one sentence for the
 * operator, never a secret.
 */
public final class PlatformConnectException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean unreachable;

  private PlatformConnectException(String message, boolean unreachable, Throwable cause) {
    super(requireNonNull(message, "message is null"), cause);
    this.unreachable = unreachable;
  }

  /** The platform did not answer; {@code reason} says how, e.g. "cannot resolve slack.com". */
  public static PlatformConnectException unreachable(String reason, Throwable cause) {
    return new PlatformConnectException(reason, true, cause);
  }

  /** The platform answered and refused; {@code sentence} names the setting to fix. */
  public static PlatformConnectException refused(String sentence, Throwable cause) {
    return new PlatformConnectException(sentence, false, cause);
  }

  /** Whether the platform could not be reached (so trying again later may help). */
  public boolean unreachable() {
    return unreachable;
  }

  /**
   * Why a call did not reach its server, when a network failure is somewhere in {@code failure}'s
   * causes: "cannot resolve slack.com", "connection refused by 127.0.0.1:9", "timed out", ...;
   * empty when the failure is not about the network.
   */
  public static Optional<String> networkProblem(Throwable failure) {
    IOException other = null;
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnknownHostException unknown) {
        return Optional.of("cannot resolve " + unknown.getMessage());
      }
      if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
        return Optional.of(
            "cannot connect" + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
      }
      if (cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException) {
        return Optional.of("no answer in time");
      }
      if (cause instanceof IOException io && other == null) {
        other = io;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return other == null
        ? Optional.empty()
        : Optional.of(
            "network error" + (other.getMessage() == null ? "" : ": " + other.getMessage()));
  }
}
