package dev.klingbot.app.http;

import java.io.IOException;

/** Handles requests under one path prefix of the app's HTTP server. */
@FunctionalInterface
public interface Route {
  /**
   * Answers one request. {@code rest} is the raw path after the route's prefix. A route that throws
   * before answering gets a plain 500 (413 for {@link HttpCall.TooLarge}).
   */
  void handle(HttpCall exchange, String rest) throws IOException;
}
