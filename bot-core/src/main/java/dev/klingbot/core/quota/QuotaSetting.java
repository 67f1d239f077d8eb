package dev.klingbot.core.quota;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** A setting an admin can change with {@code quota set <name> <value>}. */
public enum QuotaSetting {
  DAILY("daily", "units the whole server may spend per day", "daily_units"),
  MONTHLY("monthly", "units the whole server may spend per month", "monthly_units"),
  USER_DAILY("user-daily", "units one member may spend per day", "user_daily_units"),
  CONCURRENT("concurrent", "edits of the server that may run at once", "max_concurrent_jobs"),
  PRO("pro", "whether pro mode may be used (on/off)", "allow_pro"),
  TEN_SECONDS("ten-seconds", "whether 10-second outputs may be made (on/off)", "allow_ten_seconds"),
  TIME_ZONE("timezone", "time zone for day and month boundaries, e.g. Europe/Berlin", "time_zone");

  private final String key;
  private final String description;
  private final String column;

  QuotaSetting(String key, String description, String column) {
    this.key = key;
    this.description = description;
    this.column = column;
  }

  public String key() {
    return key;
  }

  public String description() {
    return description;
  }

  /** The {@code server_policies} column the setting is stored in. */
  public String column() {
    return column;
  }

  public static Optional<QuotaSetting> find(String typed) {
    String normalized = typed.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    return Arrays.stream(values())
        .filter(
            s ->
                s.key.equals(normalized)
                    || s.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(normalized))
        .findFirst();
  }

  public static String keys() {
    return Arrays.stream(values()).map(QuotaSetting::key).collect(Collectors.joining(", "));
  }

  /**
   * Checks and converts a typed value: a whole number, on/off, or a time zone.
   *
   * @throws IllegalArgumentException with a message saying what is allowed
   */
  public Object parse(String typed) {
    String value = typed.strip();
    switch (this) {
      case PRO, TEN_SECONDS -> {
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.matches("on|yes|true|allow|allowed|1")) {
          return Boolean.TRUE;
        }
        if (lower.matches("off|no|false|deny|denied|0")) {
          return Boolean.FALSE;
        }
        throw new IllegalArgumentException("“" + typed + "” is not on or off. Use on or off.");
      }
      case TIME_ZONE -> {
        try {
          return ZoneId.of(value).getId();
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(
              "“"
                  + typed
                  + "” is not a time zone. Use an id like UTC, Europe/Berlin or Asia/Shanghai.");
        }
      }
      default -> {
        int number;
        try {
          number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "“" + typed + "” is not a whole number. Use a number of units, like 50.");
        }
        int min = this == CONCURRENT ? 1 : 0;
        if (number < min || number > 1_000_000) {
          throw new IllegalArgumentException(
              key + " must be between " + min + " and 1000000; you gave " + number + ".");
        }
        return number;
      }
    }
  }
}
