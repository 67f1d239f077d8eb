package dev.klingbot.app.editor;

import com.sun.net.httpserver.HttpExchange;
import dev.klingbot.app.http.Responses;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The page's static files from the classpath ({@code /editor/}): only the listed names, so nothing
 * else on the classpath can be read through the route. Served from memory, cacheable for a while.
 */
final class EditorAssets {
  private static final Map<String, String> TYPES =
      Map.of(
          "editor.js", "text/javascript; charset=utf-8",
          "editor.css", "text/css; charset=utf-8");

  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  void serve(HttpExchange exchange, String name) throws IOException {
    String method = exchange.getRequestMethod();
    if (!method.equalsIgnoreCase("GET") && !method.equalsIgnoreCase("HEAD")) {
      exchange.getResponseHeaders().set("Allow", "GET, HEAD");
      Responses.text(exchange, 405, "method not allowed\n");
      return;
    }
    String type = TYPES.get(name);
    if (type == null) {
      Responses.text(exchange, 404, "not found\n");
      return;
    }
    byte[] body = cache.computeIfAbsent(name, EditorAssets::load);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "public, max-age=600");
    boolean head = method.equalsIgnoreCase("HEAD");
    exchange.sendResponseHeaders(200, head ? -1 : body.length);
    if (head) {
      exchange.close();
      return;
    }
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static byte[] load(String name) {
    try (InputStream in = EditorAssets.class.getResourceAsStream("/editor/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the editor asset " + name + " is missing from the build");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the editor asset " + name, e);
    }
  }
}
