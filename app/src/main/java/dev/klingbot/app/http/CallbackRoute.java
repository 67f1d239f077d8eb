package dev.klingbot.app.http;

import dev.klingbot.core.workflow.KlingCallbacks;
import java.io.IOException;

/**
 * {@code POST /kling/callback/<edit id>/<secret>}: Kling's task status callbacks. A delivered
 * callback is answered 200, as Kling's documentation asks. An unknown edit and a known edit with a
 * wrong secret get the very same 404, so the route cannot be used to find out which edits exist.
 */
public final class CallbackRoute implements Route {
  private static final int MAX_BODY = 256 * 1024;

  private final KlingCallbacks callbacks;

  public CallbackRoute(KlingCallbacks callbacks) {
    this.callbacks = callbacks;
  }

  @Override
  public void handle(HttpCall exchange, String rest) throws IOException {
    if (!exchange.method().equals("POST")) {
      exchange.setHeader("Allow", "POST");
      Responses.text(exchange, 405, "method not allowed\n");
      return;
    }
    String[] parts = rest.split("/");
    if (parts.length != 2) {
      notFound(exchange);
      return;
    }
    byte[] body = Responses.body(exchange, MAX_BODY);
    KlingCallbacks.Outcome outcome =
        callbacks.handle(parts[0], parts[1], Responses.headers(exchange), body);
    switch (outcome) {
      case ACCEPTED -> Responses.text(exchange, 200, "ok\n");
      case UNKNOWN_EDIT, FORBIDDEN -> notFound(exchange);
      default -> Responses.text(exchange, outcome.httpStatus(), "refused\n");
    }
  }

  private static void notFound(HttpCall exchange) {
    Responses.text(exchange, 404, "not found\n");
  }
}
