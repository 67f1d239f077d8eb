package dev.klingbot.app.http;

import com.sun.net.httpserver.HttpExchange;
import dev.klingbot.core.workflow.KlingCallbacks;
import java.io.IOException;

/** {@code POST /kling/callback/<edit id>/<secret>}: Kling's task status callbacks. */
public final class CallbackRoute implements Route {
  private static final int MAX_BODY = 256 * 1024;

  private final KlingCallbacks callbacks;

  public CallbackRoute(KlingCallbacks callbacks) {
    this.callbacks = callbacks;
  }

  @Override
  public void handle(HttpExchange exchange, String rest) throws IOException {
    if (!exchange.getRequestMethod().equals("POST")) {
      Responses.text(exchange, 405, "method not allowed\n");
      return;
    }
    String[] parts = rest.split("/");
    if (parts.length != 2) {
      Responses.text(exchange, 404, "not found\n");
      return;
    }
    byte[] body = Responses.body(exchange, MAX_BODY);
    KlingCallbacks.Outcome outcome =
        callbacks.handle(parts[0], parts[1], Responses.headers(exchange), body);
    Responses.empty(exchange, outcome.httpStatus());
  }
}
