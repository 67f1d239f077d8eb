package dev.klingbot.app.http;

import dev.klingbot.core.relay.MediaRelay;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /media/<path>?exp=..&sig=..}: the media relay Kling downloads videos and images from.
 */
public final class MediaRoute implements Route {
  private final MediaRelay relay;

  public MediaRoute(MediaRelay relay) {
    this.relay = relay;
  }

  @Override
  public void handle(HttpCall exchange, String rest) throws IOException {
    String method = exchange.method();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      exchange.setHeader("Allow", "GET, HEAD");
      Responses.text(exchange, 405, "method not allowed\n");
      return;
    }
    Map<String, String> query = Responses.query(exchange);
    String path = Responses.decode(rest);
    Optional<Path> file =
        path == null ? Optional.empty() : relay.resolve(path, query.get("exp"), query.get("sig"));
    if (file.isEmpty()) {
      Responses.text(exchange, 403, "this link is invalid or has expired\n");
      return;
    }
    Responses.file(
        exchange, file.get(), Responses.contentType(file.get().getFileName().toString()));
  }
}
