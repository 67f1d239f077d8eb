package dev.klingbot.app.http;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.metrics.WorkflowMetrics;
import dev.klingbot.core.store.Database;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /readyz}: whether this process can do its work. Ready (200) when the database answers
 * and every schema migration is applied; not ready (503) otherwise. Kling is reported too, from the
 * last call the bot made: {@code ok}, {@code degraded} (the last call got no answer, timed out or
 * met a server error or rate limit) or {@code unknown} (no call yet). A degraded Kling does not
 * make the bot unready: edits wait and resume when Kling answers again.
 *
 * <p>The answer is one JSON object, e.g. {@code {"status":"ready","database":"ok",
 * "migrations":"ok","kling":"ok"}}, with a {@code problem} sentence when not ready.
 */
public final class ReadinessRoute implements Route {
  public static final String PATH = "/readyz";

  private final Supplier<Database.Readiness> database;
  private final WorkflowMetrics metrics;

  public ReadinessRoute(Supplier<Database.Readiness> database, WorkflowMetrics metrics) {
    this.database = requireNonNull(database, "database is null");
    this.metrics = requireNonNull(metrics, "metrics is null");
  }

  @Override
  public void handle(HttpCall exchange, String rest) throws IOException {
    if (Responses.refusedUnlessReadAt(exchange, rest)) {
      return;
    }
    Database.Readiness db = database.get();
    Optional<WorkflowMetrics.KlingStatus> kling = metrics.klingStatus();
    String klingWord = kling.map(k -> k.degraded() ? "degraded" : "ok").orElse("unknown");
    StringBuilder json = new StringBuilder();
    json.append("{\"status\":\"").append(db.ready() ? "ready" : "not ready").append('"');
    json.append(",\"database\":\"").append(db.reachable() ? "ok" : "unreachable").append('"');
    json.append(",\"migrations\":\"")
        .append(!db.reachable() ? "unknown" : db.pendingMigrations() == 0 ? "ok" : "pending")
        .append('"');
    json.append(",\"kling\":\"").append(klingWord).append('"');
    kling
        .filter(WorkflowMetrics.KlingStatus::degraded)
        .ifPresent(
            k ->
                json.append(",\"kling_last_outcome\":\"")
                    .append(escape(k.lastOutcome()))
                    .append("\",\"kling_last_call_at\":\"")
                    .append(k.at())
                    .append('"'));
    if (!db.problem().isEmpty()) {
      json.append(",\"problem\":\"").append(escape(db.problem())).append('"');
    }
    json.append("}\n");
    Responses.json(exchange, db.ready() ? 200 : 503, json.toString());
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
