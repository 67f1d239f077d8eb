package dev.klingbot.slack;

import static java.util.Objects.requireNonNull;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's HTTP mode without a web framework: the app's HTTP server hands every request for {@link
 * #PATH} here (slash commands, events and interactivity all POST there), and writes back the
 * answer. Bolt checks the signing secret and the request timestamp; forged, stale or replayed
 * requests get 401.
 */
public final class SlackHttpHandler {
  /** Where Slack sends everything: set {@code <public-base-url>/slack/events} in the app. */
  public static final String PATH = "/slack/events";

  private static final Logger LOG = LoggerFactory.getLogger(SlackHttpHandler.class);

  private final App app;
  private final SlackRequestParser parser;
  private final BooleanSupplier ready;

  SlackHttpHandler(App app, BooleanSupplier ready) {
    this.app = requireNonNull(app, "app is null");
    this.parser = new SlackRequestParser(app.config());
    this.ready = requireNonNull(ready, "ready is null");
  }

  /**
   * Handles one HTTP request.
   *
   * @param query the raw query string, or {@code null}
   * @param headers request headers (names in any case)
   * @param body the raw body; the signature covers these exact bytes
   */
  public SlackHttpResponse handle(
      String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
    if (path == null || !path.equals(PATH)) {
      return SlackHttpResponse.text(404, "not found\n");
    }
    if (!"POST".equalsIgnoreCase(method)) {
      return SlackHttpResponse.text(405, "use POST\n");
    }
    if (!ready.getAsBoolean()) {
      return SlackHttpResponse.text(503, "the Slack bot is starting\n");
    }
    try {
      SlackRequestParser.HttpRequest httpRequest =
          SlackRequestParser.HttpRequest.builder()
              .requestUri(path)
              .queryString(parseQuery(query))
              .requestBody(new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8))
              .headers(new RequestHeaders(headers == null ? Map.of() : headers))
              .build();
      Request<?> request = parser.parse(httpRequest);
      if (request == null) {
        return SlackHttpResponse.text(400, "not a Slack request\n");
      }
      return toHttp(app.run(request));
    } catch (Exception e) {
      String ref =
          Long.toString(System.nanoTime() & 0xFFFFFFFFL, 36).toUpperCase(java.util.Locale.ROOT);
      LOG.error("Slack HTTP request failed [ref {}]", ref, e);
      return SlackHttpResponse.text(500, "internal error " + ref + "\n");
    }
  }

  private static SlackHttpResponse toHttp(Response response) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    if (response.getHeaders() != null) {
      response.getHeaders().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
    }
    if (response.getContentType() != null) {
      headers.put("Content-Type", List.of(response.getContentType()));
    }
    String body = response.getBody() == null ? "" : response.getBody();
    int status = response.getStatusCode() == null ? 200 : response.getStatusCode();
    return new SlackHttpResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  static Map<String, List<String>> parseQuery(String query) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return values;
    }
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String[] kv = pair.split("=", 2);
      String name = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
      String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
      values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return values;
  }
}
