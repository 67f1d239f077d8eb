package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/** An error answer: HTTP status and Kling code from {@link ApiError}, plus a message. */
final class ApiException extends RuntimeException {
  private final ApiError error;
  private final Map<String, String> headers;

  ApiException(ApiError error, String message) {
    this(error, message, Map.of());
  }

  ApiException(ApiError error, String message, Map<String, String> headers) {
    super(requireNonNull(message, "message is null"), null, false, false);
    this.error = requireNonNull(error, "error is null");
    this.headers = Map.copyOf(headers);
  }

  ApiError error() {
    return error;
  }

  /** Extra response headers, e.g. {@code Retry-After}. */
  Map<String, String> headers() {
    return headers;
  }
}
