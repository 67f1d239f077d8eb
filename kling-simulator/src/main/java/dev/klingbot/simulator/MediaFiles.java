package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The files the simulator serves under {@code /files/<name>}; thread-safe. */
final class MediaFiles {
  static final String PREFIX = "/files/";

  /** A served file and its content type. */
  record Entry(Path path, String contentType) {}

  private final Map<String, Entry> files = new ConcurrentHashMap<>();
  private final String baseUrl;
  private final Ids dice;

  /**
   * @param baseUrl scheme, host and port media URLs start with, without a trailing slash
   */
  MediaFiles(String baseUrl, Ids dice) {
    this.baseUrl = requireNonNull(baseUrl, "baseUrl is null");
    this.dice = requireNonNull(dice, "dice is null");
  }

  /** Serves {@code file} under a fresh unguessable name; returns its absolute URL. */
  String publish(Path file) {
    requireNonNull(file, "file is null");
    String extension = extension(file);
    String name = dice.hex(24) + (extension.isEmpty() ? "" : "." + extension);
    files.put(name, new Entry(file, contentType(extension)));
    return baseUrl + PREFIX + name;
  }

  /**
   * Serves {@code file} under {@code name} again (a state directory kept both); returns its URL.
   */
  String register(String name, Path file) {
    requireNonNull(file, "file is null");
    if (name.isEmpty() || name.contains("/")) {
      throw new IllegalArgumentException("bad media name: " + name);
    }
    files.put(name, new Entry(file, contentType(extension(file))));
    return baseUrl + PREFIX + name;
  }

  /** The name in a URL {@link #publish} or {@link #register} made. */
  static String name(String url) {
    int at = url.lastIndexOf(PREFIX);
    if (at < 0) {
      throw new IllegalArgumentException("not a media URL: " + url);
    }
    return url.substring(at + PREFIX.length());
  }

  Optional<Entry> find(String name) {
    return Optional.ofNullable(files.get(name));
  }

  private static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  static String contentType(String extension) {
    return switch (extension) {
      case "mp4" -> "video/mp4";
      case "mov" -> "video/quicktime";
      case "webm" -> "video/webm";
      case "mkv" -> "video/x-matroska";
      case "png" -> "image/png";
      case "jpg", "jpeg" -> "image/jpeg";
      case "json" -> "application/json";
      case "txt" -> "text/plain; charset=utf-8";
      default -> "application/octet-stream";
    };
  }
}
