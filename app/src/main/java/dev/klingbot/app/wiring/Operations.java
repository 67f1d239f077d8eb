package dev.klingbot.app.wiring;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import dev.klingbot.app.http.AppHttpServer;
import dev.klingbot.app.http.MetricsRoute;
import dev.klingbot.app.http.ReadinessRoute;
import dev.klingbot.core.metrics.EditGauges;
import dev.klingbot.core.metrics.WorkflowMetrics;
import dev.klingbot.core.store.Database;
import dev.klingbot.core.store.EditWorkQueue;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;

/**
 * Puts the operator's view in place, once: the connection pool's meters, the gauges read from the
 * database (edits by state, queue length), and the {@code /readyz} and {@code /metrics} routes on
 * the HTTP server ({@code /healthz} is the server's own).
 */
public final class Operations {
  private final Database database;
  private final PrometheusMeterRegistry registry;
  private final WorkflowMetrics metrics;
  private final Clock clock;
  private boolean mounted;

  @Inject
  public Operations(
      Database database, PrometheusMeterRegistry registry, WorkflowMetrics metrics, Clock clock) {
    this.database = requireNonNull(database, "database is null");
    this.registry = requireNonNull(registry, "registry is null");
    this.metrics = requireNonNull(metrics, "metrics is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** Adds the meters and the routes (a second call does nothing). */
  public synchronized void mountOn(AppHttpServer server) {
    if (mounted) {
      return;
    }
    mounted = true;
    database.instrument(registry);
    EditWorkQueue work = new EditWorkQueue(database);
    new EditGauges(
            () -> new EditGauges.Counts(work.countByState(), work.queuedCount()),
            clock,
            Duration.ofSeconds(5))
        .bindTo(registry);
    server.route(ReadinessRoute.PATH, new ReadinessRoute(database::readiness, metrics));
    server.route(MetricsRoute.PATH, new MetricsRoute(registry));
  }
}
