package dev.klingbot.app.http;

import static java.util.Objects.requireNonNull;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /metrics}: every meter in Prometheus's text format (version 0.0.4), for a Prometheus
 * server to scrape.
 */
public final class MetricsRoute implements Route {
  public static final String PATH = "/metrics";
  private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;

  public MetricsRoute(PrometheusMeterRegistry registry) {
    this.registry = requireNonNull(registry, "registry is null");
  }

  @Override
  public void handle(HttpCall exchange, String rest) throws IOException {
    if (Responses.refusedUnlessReadAt(exchange, rest)) {
      return;
    }
    Responses.send(exchange, 200, CONTENT_TYPE, registry.scrape().getBytes(StandardCharsets.UTF_8));
  }
}
