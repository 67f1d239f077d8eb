package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Optional;

/**
 * Serves {@link MediaFiles} over GET and HEAD with {@code Content-Type}, {@code Accept-Ranges} and
 * single byte ranges (206 / 416), like a CDN that a browser can seek in. No auth, as Kling's result
 * URLs are public links.
 */
final class MediaFileHandler {
  private final MediaFiles files;

  MediaFileHandler(MediaFiles files) {
    this.files = requireNonNull(files, "files is null");
  }

  void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    boolean head = method.equals("HEAD");
    if (!head && !method.equals("GET")) {
      exchange.getResponseHeaders().set("Allow", "GET, HEAD");
      exchange.sendResponseHeaders(405, -1);
      return;
    }
    String name = exchange.getRequestURI().getPath().substring(MediaFiles.PREFIX.length());
    Optional<MediaFiles.Entry> entry = files.find(name);
    if (entry.isEmpty() || !Files.isRegularFile(entry.get().path())) {
      exchange.sendResponseHeaders(404, -1);
      return;
    }
    long length = Files.size(entry.get().path());
    exchange.getResponseHeaders().set("Content-Type", entry.get().contentType());
    exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
    Optional<ByteRange> range;
    try {
      range = ByteRange.parse(exchange.getRequestHeaders().getFirst("Range"), length);
    } catch (ByteRange.UnsatisfiableException e) {
      exchange.getResponseHeaders().set("Content-Range", "bytes */" + length);
      exchange.sendResponseHeaders(416, -1);
      return;
    }
    long start = range.map(ByteRange::start).orElse(0L);
    long count = range.map(ByteRange::length).orElse(length);
    int status = range.isPresent() ? 206 : 200;
    if (range.isPresent()) {
      exchange
          .getResponseHeaders()
          .set("Content-Range", "bytes " + start + "-" + (start + count - 1) + "/" + length);
    }
    if (head) {
      exchange.getResponseHeaders().set("Content-Length", Long.toString(count));
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, count == 0 ? -1 : count);
    try (InputStream in = Files.newInputStream(entry.get().path());
        OutputStream out = exchange.getResponseBody()) {
      in.skipNBytes(start);
      byte[] buffer = new byte[64 * 1024];
      long remaining = count;
      while (remaining > 0) {
        int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
        if (read < 0) {
          break;
        }
        out.write(buffer, 0, read);
        remaining -= read;
      }
    }
  }
}
