package dev.klingbot.app.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writing answers: text, JSON, and files with HTTP Range support (browsers seek in videos). */
public final class Responses {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

  private Responses() {}

  public static void text(HttpExchange exchange, int status, String body) throws IOException {
    send(exchange, status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }

  public static void json(HttpExchange exchange, int status, String body) throws IOException {
    send(
        exchange, status, "application/json; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }

  public static void html(HttpExchange exchange, int status, String body) throws IOException {
    exchange
        .getResponseHeaders()
        .set(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data: blob: http: https:; media-src 'self' http: https:; style-src 'self'; script-src 'self'");
    exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
    send(exchange, status, "text/html; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }

  public static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
    exchange.sendResponseHeaders(status, head || status == 204 ? -1 : body.length);
    if (!head && status != 204) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } else {
      exchange.close();
    }
  }

  public static void empty(HttpExchange exchange, int status) throws IOException {
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  /** Streams a file, honouring a single {@code Range: bytes=a-b} request. */
  public static void file(HttpExchange exchange, Path file, String contentType) throws IOException {
    long size = Files.size(file);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
    exchange.getResponseHeaders().set("Cache-Control", "private, max-age=300");
    boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
    String range = exchange.getRequestHeaders().getFirst("Range");
    long start = 0;
    long end = size - 1;
    int status = 200;
    if (range != null) {
      Matcher matcher = RANGE.matcher(range.strip());
      if (matcher.matches() && !(matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
        if (matcher.group(1).isEmpty()) {
          start = Math.max(0, size - Long.parseLong(matcher.group(2)));
        } else {
          start = Long.parseLong(matcher.group(1));
          if (!matcher.group(2).isEmpty()) {
            end = Math.min(end, Long.parseLong(matcher.group(2)));
          }
        }
        if (start >= size || start > end) {
          exchange.getResponseHeaders().set("Content-Range", "bytes */" + size);
          empty(exchange, 416);
          return;
        }
        status = 206;
        exchange
            .getResponseHeaders()
            .set("Content-Range", "bytes " + start + "-" + end + "/" + size);
      }
    }
    long length = end - start + 1;
    exchange.sendResponseHeaders(status, head ? -1 : (length == 0 ? -1 : length));
    if (head || length == 0) {
      exchange.close();
      return;
    }
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r");
        OutputStream out = exchange.getResponseBody()) {
      raf.seek(start);
      byte[] buffer = new byte[64 * 1024];
      long left = length;
      while (left > 0) {
        int read = raf.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (read < 0) {
          break;
        }
        out.write(buffer, 0, read);
        left -= read;
      }
    }
  }

  /** Reads a request body up to {@code max} bytes. */
  public static byte[] body(HttpExchange exchange, int max) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] data = in.readNBytes(max + 1);
      if (data.length > max) {
        throw new IOException("request body larger than " + max + " bytes");
      }
      return data;
    }
  }

  /** Query parameters (last value wins). */
  public static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> params = new HashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw == null) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(decode(key), decode(value));
    }
    return params;
  }

  public static String decode(String text) {
    return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /** Request headers as a map with lower-case names. */
  public static Map<String, String> headers(HttpExchange exchange) {
    Map<String, String> headers = new HashMap<>();
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), values.isEmpty() ? "" : values.get(0)));
    return headers;
  }

  /** A content type from a file name. */
  public static String contentType(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".mp4")) {
      return "video/mp4";
    }
    if (lower.endsWith(".mov")) {
      return "video/quicktime";
    }
    if (lower.endsWith(".webm")) {
      return "video/webm";
    }
    if (lower.endsWith(".png")) {
      return "image/png";
    }
    if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
      return "image/jpeg";
    }
    if (lower.endsWith(".gif")) {
      return "image/gif";
    }
    if (lower.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    if (lower.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    if (lower.endsWith(".svg")) {
      return "image/svg+xml";
    }
    return "application/octet-stream";
  }
}
