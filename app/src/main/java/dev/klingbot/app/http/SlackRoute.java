package dev.klingbot.app.http;

import com.sun.net.httpserver.HttpExchange;
import dev.klingbot.slack.SlackHttpHandler;
import dev.klingbot.slack.SlackHttpResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code POST /slack/events}: Slack's HTTP mode (events, commands, interactivity). */
public final class SlackRoute implements Route {
  private static final int MAX_BODY = 1024 * 1024;

  private final SlackHttpHandler handler;

  public SlackRoute(SlackHttpHandler handler) {
    this.handler = handler;
  }

  @Override
  public void handle(HttpExchange exchange, String rest) throws IOException {
    Map<String, List<String>> headers = new HashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
    byte[] body = Responses.body(exchange, MAX_BODY);
    SlackHttpResponse response =
        handler.handle(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getRawPath(),
            exchange.getRequestURI().getRawQuery(),
            headers,
            body);
    response
        .headers()
        .forEach(
            (name, values) -> exchange.getResponseHeaders().put(name, new ArrayList<>(values)));
    byte[] bytes = response.body();
    exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
