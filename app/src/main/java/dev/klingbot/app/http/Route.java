package dev.klingbot.app.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** Handles requests under one path prefix of the app's HTTP server. */
@FunctionalInterface
public interface Route {
  void handle(HttpExchange exchange, String rest) throws IOException;
}
