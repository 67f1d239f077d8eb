package dev.klingbot.slack;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What to answer Slack's HTTP request: status, headers and body, for the app's HTTP server to
 * write.
 */
public record SlackHttpResponse(int status, Map<String, List<String>> headers, byte[] body) {

  public SlackHttpResponse {
    headers = Map.copyOf(requireNonNull(headers, "headers is null"));
    body = body == null ? new byte[0] : body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The body as text (Slack answers are JSON or plain text). */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  static SlackHttpResponse text(int status, String text) {
    return new SlackHttpResponse(
        status,
        Map.of("Content-Type", List.of("text/plain; charset=utf-8")),
        text.getBytes(StandardCharsets.UTF_8));
  }
}
