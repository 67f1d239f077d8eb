package dev.klingbot.app.wiring;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import dev.klingbot.app.http.AppHttpServer;
import dev.klingbot.app.http.HttpRoute;
import java.util.List;
import java.util.Set;

/**
 * Serves the routes bound in the injector on the app's HTTP server. Started by the command that
 * runs the app, after the injector is built (modules only bind; nothing starts inside a provider).
 */
public final class HttpService {
  private final AppHttpServer server;
  private final List<HttpRoute> routes;
  private final Lifecycle lifecycle;
  private final Operations operations;

  @Inject
  HttpService(
      AppHttpServer server, Set<HttpRoute> routes, Operations operations, Lifecycle lifecycle) {
    this.server = requireNonNull(server, "server is null");
    this.routes = List.copyOf(routes);
    this.operations = requireNonNull(operations, "operations is null");
    this.lifecycle = requireNonNull(lifecycle, "lifecycle is null");
  }

  /** Registers every bound route and starts answering requests; returns the server. */
  public AppHttpServer start() {
    routes.forEach(route -> server.route(route.prefix(), route.route()));
    operations.mountOn(server); // /readyz, /metrics and the database and edit gauges
    server.start();
    // stopped first at shutdown, before the job runner and the database it uses
    return lifecycle.manage(server);
  }
}
