package dev.klingbot.app.editor;

import dev.klingbot.app.http.HttpCall;
import dev.klingbot.app.http.Responses;
import java.io.IOException;
import java.io.InputStream;
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

  void serve(HttpCall exchange, String name) {
    String method = exchange.method();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      exchange.setHeader("Allow", "GET, HEAD");
      Responses.text(exchange, 405, "method not allowed\n");
      return;
    }
    String type = TYPES.get(name);
    if (type == null) {
      Responses.text(exchange, 404, "not found\n");
      return;
    }
    byte[] body = cache.computeIfAbsent(name, EditorAssets::load);
    exchange.setHeader("Cache-Control", "public, max-age=600");
    Responses.send(exchange, 200, type, body);
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
