package dev.klingbot.app.http;

import static java.util.Objects.requireNonNull;

/**
 * A route bound in the injector, served under {@code prefix} once the server starts.
 *
 * @param prefix the path prefix, e.g. {@code /media/}
 * @param route what answers requests under it
 */
public record HttpRoute(String prefix, Route route) {
  public HttpRoute {
    requireNonNull(prefix, "prefix is null");
    requireNonNull(route, "route is null");
  }
}
