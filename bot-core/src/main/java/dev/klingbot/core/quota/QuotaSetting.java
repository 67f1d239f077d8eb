package dev.klingbot.core.quota;

import dev.klingbot.core.i18n.Messages;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** A setting an admin can change with {@code quota set <name> <value>}. */
public enum QuotaSetting {
  DAILY("daily", "quota.setting.daily", "daily_units"),
  MONTHLY("monthly", "quota.setting.monthly", "monthly_units"),
  USER_DAILY("user-daily", "quota.setting.user.daily", "user_daily_units"),
  CONCURRENT("concurrent", "quota.setting.concurrent", "max_concurrent_jobs"),
  PRO("pro", "quota.setting.pro", "allow_pro"),
  TEN_SECONDS("ten-seconds", "quota.setting.ten.seconds", "allow_ten_seconds"),
  TIME_ZONE("timezone", "quota.setting.timezone", "time_zone");

  private final String key;
  private final String descriptionKey;
  private final String column;

  QuotaSetting(String key, String descriptionKey, String column) {
    this.key = key;
    this.descriptionKey = descriptionKey;
    this.column = column;
  }

  public String key() {
    return key;
  }

  /** What the setting means, in the current language. */
  public String description() {
    return Messages.text(descriptionKey);
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
        throw new IllegalArgumentException(Messages.text("quota.setting.value.on.off", typed));
      }
      case TIME_ZONE -> {
        try {
          return ZoneId.of(value).getId();
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(Messages.text("quota.setting.value.time.zone", typed));
        }
      }
      default -> {
        int number;
        try {
          number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(Messages.text("quota.setting.value.number", typed));
        }
        int min = this == CONCURRENT ? 1 : 0;
        if (number < min || number > 1_000_000) {
          throw new IllegalArgumentException(
              Messages.text(
                  "quota.setting.value.range", key, String.valueOf(min), String.valueOf(number)));
        }
        return number;
      }
    }
  }
}
