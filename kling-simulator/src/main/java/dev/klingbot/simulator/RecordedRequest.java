package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request the simulator received, as it arrived.
 *
 * @param time when it arrived (simulator clock)
 * @param method HTTP method
 * @param path the request path, e.g. {@code /kling/v1/videos/multi-elements}
 * @param query the raw query string, or empty
 * @param headers request headers; names in lower case
 * @param body the body as UTF-8 text, or empty
 */
public record RecordedRequest(
    Instant time,
    String method,
    String path,
    String query,
    Map<String, List<String>> headers,
    String body) {
  public RecordedRequest {
    requireNonNull(time, "time is null");
    requireNonNull(method, "method is null");
    requireNonNull(path, "path is null");
    requireNonNull(query, "query is null");
    headers = Map.copyOf(requireNonNull(headers, "headers is null"));
    requireNonNull(body, "body is null");
  }

  /** The first value of header {@code name} (any case). */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
