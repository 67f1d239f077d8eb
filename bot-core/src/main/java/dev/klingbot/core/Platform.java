package dev.klingbot.core;

import java.util.Locale;

/** Where a request came from. */
public enum Platform {
  DISCORD,
  SLACK,
  CONSOLE,
  CLI;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Platform fromId(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
