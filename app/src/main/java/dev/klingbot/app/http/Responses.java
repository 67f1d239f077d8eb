package dev.klingbot.app.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Writing answers: text, JSON, HTML and files (with ranges, through Jetty's resource support). */
public final class Responses {
  /** Content types by file extension (lower case, without the dot). */
  private static final Map<String, String> CONTENT_TYPES =
      Map.ofEntries(
          Map.entry("mp4", "video/mp4"),
          Map.entry("mov", "video/quicktime"),
          Map.entry("webm", "video/webm"),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("gif", "image/gif"),
          Map.entry("js", "text/javascript; charset=utf-8"),
          Map.entry("css", "text/css; charset=utf-8"),
          Map.entry("svg", "image/svg+xml"));

  private Responses() {}

  public static void text(HttpCall exchange, int status, String body) {
    send(exchange, status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }

  public static void json(HttpCall exchange, int status, String body) {
    send(
        exchange, status, "application/json; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }

  public static void html(HttpCall exchange, int status, String body) {
    exchange.setHeader(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data: blob: http: https:; media-src 'self' http: https:; style-src 'self'; script-src 'self'");
    exchange.setHeader("X-Frame-Options", "DENY");
    send(exchange, status, "text/html; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * For a route that only answers reads at its own path: answers 404 below it ({@code rest} not
   * empty) and 405 for a method other than GET or HEAD, and says whether it did.
   */
  public static boolean refusedUnlessReadAt(HttpCall exchange, String rest) {
    if (!rest.isEmpty()) {
      text(exchange, 404, "not found\n");
      return true;
    }
    if (!exchange.method().equals("GET") && !exchange.method().equals("HEAD")) {
      exchange.setHeader("Allow", "GET, HEAD");
      text(exchange, 405, "method not allowed\n");
      return true;
    }
    return false;
  }

  /** Answers with a body; not cached unless the route set its own {@code Cache-Control}. */
  public static void send(HttpCall exchange, int status, String contentType, byte[] body) {
    if (!exchange.hasHeader("Cache-Control")) {
      exchange.setHeader("Cache-Control", "no-store");
    }
    exchange.send(status, contentType, body);
  }

  public static void empty(HttpCall exchange, int status) {
    exchange.empty(status);
  }

  /** Streams a file with HTTP ranges (browsers seek in videos); cacheable for five minutes. */
  public static void file(HttpCall exchange, Path file, String contentType) throws IOException {
    exchange.file(file, contentType);
  }

  /** The request body, refused (413) when longer than {@code max} bytes. */
  public static byte[] body(HttpCall exchange, int max) throws IOException {
    return exchange.body(max);
  }

  /** Query parameters (last value wins). */
  public static Map<String, String> query(HttpCall exchange) {
    Map<String, String> params = new HashMap<>();
    String raw = exchange.rawQuery();
    if (raw == null) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      String name = decode(key);
      String decoded = decode(value);
      if (name != null && decoded != null) {
        params.put(name, decoded);
      }
    }
    return params;
  }

  /** Percent-decodes {@code text}; a broken escape gives {@code null}. */
  public static String decode(String text) {
    try {
      return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Request headers as a map with lower-case names. */
  public static Map<String, String> headers(HttpCall exchange) {
    Map<String, String> headers = new HashMap<>();
    exchange
        .headerLists()
        .forEach(
            (name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), values.isEmpty() ? "" : values.get(0)));
    return headers;
  }

  /** A content type from a file name. */
  public static String contentType(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    int dot = lower.lastIndexOf('.');
    String type = dot < 0 ? null : CONTENT_TYPES.get(lower.substring(dot + 1));
    return type == null ? "application/octet-stream" : type;
  }
}
