package dev.klingbot.app.wiring;

/**
 * How this process runs.
 *
 * @param localHttp serve HTTP on 127.0.0.1 with any free port and use that as the public address
 *     (the embedded simulator fetches videos from it); used by {@code --simulate}
 */
public record AppOptions(boolean localHttp) {

  public static AppOptions standard() {
    return new AppOptions(false);
  }

  public static AppOptions local() {
    return new AppOptions(true);
  }
}
