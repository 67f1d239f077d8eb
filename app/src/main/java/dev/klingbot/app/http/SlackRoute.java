package dev.klingbot.app.http;

import dev.klingbot.slack.SlackHttpHandler;
import dev.klingbot.slack.SlackHttpResponse;
import java.io.IOException;

/** {@code POST /slack/events}: Slack's HTTP mode (events, commands, interactivity). */
public final class SlackRoute implements Route {
  private static final int MAX_BODY = 1024 * 1024;

  private final SlackHttpHandler handler;

  public SlackRoute(SlackHttpHandler handler) {
    this.handler = handler;
  }

  @Override
  public void handle(HttpCall exchange, String rest) throws IOException {
    byte[] body = Responses.body(exchange, MAX_BODY);
    SlackHttpResponse response =
        handler.handle(
            exchange.method(),
            exchange.rawPath(),
            exchange.rawQuery(),
            exchange.headerLists(),
            body);
    String contentType = null;
    for (var header : response.headers().entrySet()) {
      if (header.getKey().equalsIgnoreCase("Content-Type")) {
        contentType = header.getValue().isEmpty() ? null : header.getValue().get(0);
      } else if (!header.getValue().isEmpty()) {
        exchange.setHeader(header.getKey(), String.join(", ", header.getValue()));
      }
    }
    byte[] bytes = response.body();
    if (bytes.length == 0 && contentType == null) {
      exchange.empty(response.status());
    } else {
      exchange.send(response.status(), contentType, bytes);
    }
  }
}
