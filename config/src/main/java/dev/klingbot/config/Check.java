package dev.klingbot.config;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

/** Validation helpers used by the config records' constructors. Each failure names the key. */
public final class Check {
  private Check() {}

  public static int range(String key, int value, int min, int max) {
    if (value < min || value > max) {
      throw new ConfigException(key, "is " + value + "; allowed: " + min + " to " + max);
    }
    return value;
  }

  public static long atLeast(String key, long value, long min) {
    if (value < min) {
      throw new ConfigException(key, "is " + value + "; allowed: " + min + " or more");
    }
    return value;
  }

  public static Duration positive(String key, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new ConfigException(key, "is " + value + "; allowed: a positive duration like 30s, 5m");
    }
    return value;
  }

  public static String oneOf(String key, String value, Set<String> allowed) {
    String normalized = value.strip().toLowerCase(Locale.ROOT);
    if (!allowed.contains(normalized)) {
      throw new ConfigException(
          key,
          "is '" + value + "'; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
    }
    return normalized;
  }

  /** An absolute http(s) URL without a trailing slash, or {@code null} when blank. */
  public static String httpUrl(String key, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.strip();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    try {
      URI uri = URI.create(trimmed);
      if (uri.getHost() == null
          || !("http".equalsIgnoreCase(uri.getScheme())
              || "https".equalsIgnoreCase(uri.getScheme()))) {
        throw new IllegalArgumentException("not http");
      }
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          key,
          "is '" + value + "'; allowed: an http:// or https:// URL like https://bot.example.com");
    }
    return trimmed;
  }

  public static ZoneId zone(String key, String value) {
    try {
      return ZoneId.of(value.strip());
    } catch (RuntimeException e) {
      throw new ConfigException(
          key,
          "is '" + value + "'; allowed: a time zone id like UTC, Europe/Berlin, Asia/Shanghai");
    }
  }

  public static String nonBlank(String key, String value, String example) {
    if (value == null || value.isBlank()) {
      throw new ConfigException(key, "is empty; set it, e.g. " + example);
    }
    return value.strip();
  }

  /** {@code null} for a blank string, the stripped value otherwise. */
  public static String optional(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
