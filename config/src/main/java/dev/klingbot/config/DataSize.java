package dev.klingbot.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A number of bytes written like {@code 200MB}, {@code 1.5GiB} or {@code 10485760}. */
public record DataSize(long bytes) {
  private static final Pattern FORMAT =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGT]?I?B?)", Pattern.CASE_INSENSITIVE);

  public DataSize {
    if (bytes < 0) {
      throw new IllegalArgumentException("a size cannot be negative");
    }
  }

  public static DataSize ofMegabytes(long megabytes) {
    return new DataSize(megabytes * 1024 * 1024);
  }

  /** Parses {@code 512}, {@code 10KB}, {@code 200MB}, {@code 2GiB}; KB/MB/GB are powers of 1024. */
  @JsonCreator
  public static DataSize parse(String text) {
    Matcher matcher = FORMAT.matcher(text.strip());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a size; write it like 200MB, 2GB or a number of bytes");
    }
    double number = Double.parseDouble(matcher.group(1));
    String unit = matcher.group(2).toUpperCase(Locale.ROOT).replace("I", "").replace("B", "");
    long factor =
        switch (unit) {
          case "" -> 1L;
          case "K" -> 1L << 10;
          case "M" -> 1L << 20;
          case "G" -> 1L << 30;
          case "T" -> 1L << 40;
          default -> throw new IllegalArgumentException("unknown unit in '" + text + "'");
        };
    return new DataSize(Math.round(number * factor));
  }

  @JsonValue
  @Override
  public String toString() {
    String[] units = {"B", "KB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = 0;
    while (unit < units.length - 1 && value >= 1024 && value % 1024 == 0) {
      value /= 1024;
      unit++;
    }
    return (long) value + units[unit];
  }
}
