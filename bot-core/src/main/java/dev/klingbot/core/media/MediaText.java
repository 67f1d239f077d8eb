package dev.klingbot.core.media;

import dev.klingbot.core.i18n.Messages;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Numbers written the way the bot shows them to people: sizes, lengths, frame rates. */
public final class MediaText {
  private static final String[] UNITS = {"bytes", "KB", "MB", "GB", "TB"};

  private MediaText() {}

  /**
   * A byte count in binary units (as the configuration writes them): {@code 900 bytes}, {@code 12.5
   * MB}, {@code 200 MB}, {@code 2.0 GB}.
   */
  public static String bytes(long bytes) {
    if (bytes < 1024) {
      return Messages.text("media.text.bytes", bytes, String.valueOf(bytes));
    }
    double value = bytes;
    int unit = 0;
    while (unit < UNITS.length - 1 && value >= 1024) {
      value /= 1024;
      unit++;
    }
    String number = String.format(Locale.ROOT, "%.1f", value);
    if (value >= 10 && number.endsWith(".0")) {
      number = number.substring(0, number.length() - 2);
    }
    return number + " " + UNITS[unit];
  }

  /**
   * A length in seconds: one decimal when that is exact ({@code 12.0 s}), else up to three ({@code
   * 5.005 s}) so that a clip just over a limit does not look like it is on it.
   */
  public static String seconds(long millis) {
    if (millis % 100 == 0) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    return trimmed(millis / 1000.0, 3) + " s";
  }

  /** Whole seconds, for targets: {@code 10 s}. */
  public static String wholeSeconds(long millis) {
    return millis % 1000 == 0 ? (millis / 1000) + " s" : seconds(millis);
  }

  /** A frame rate without the unit: {@code 30}, {@code 29.97}, {@code 23.976}. */
  public static String fps(double fps) {
    return trimmed(fps, 3);
  }

  /** A picture size: {@code 1280×720}. */
  public static String size(int width, int height) {
    return width + "×" + height;
  }

  private static String trimmed(double value, int decimals) {
    BigDecimal decimal =
        BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
    return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
  }
}
