package dev.klingbot.config;

import java.util.Set;

/**
 * How the bot logs.
 *
 * @param format {@code text} (one readable line per event, the default) or {@code json} (one JSON
 *     object per line, for log collectors; the edit id is in {@code mdc.edit})
 */
public record LoggingConfig(String format) {

  public LoggingConfig {
    format = Check.oneOf("format", format == null ? "text" : format, Set.of("text", "json"));
  }

  public static LoggingConfig defaults() {
    return new LoggingConfig("text");
  }

  public boolean json() {
    return format.equals("json");
  }
}
