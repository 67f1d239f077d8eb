package dev.klingbot.core.metrics;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.edit.EditState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Gauges read from the database: {@code klingbot.edits} by {@code state} (every edit this database
 * holds) and {@code klingbot.queue.length} (edits waiting for a free Kling slot). The counts are
 * read at most once per {@code maxAge}, however often they are scraped.
 */
public final class EditGauges {
  /** The numbers the gauges show. */
  public record Counts(Map<EditState, Long> byState, long queued) {
    public Counts {
      byState = Map.copyOf(byState);
    }
  }

  private final Supplier<Counts> source;
  private final Clock clock;
  private final Duration maxAge;
  private Counts last;
  private Instant readAt;

  public EditGauges(Supplier<Counts> source, Clock clock, Duration maxAge) {
    this.source = requireNonNull(source, "source is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.maxAge = requireNonNull(maxAge, "maxAge is null");
  }

  /** Registers the gauges. */
  public EditGauges bindTo(MeterRegistry registry) {
    for (EditState state : EditState.values()) {
      Gauge.builder("klingbot.edits", this, g -> g.counts().byState().getOrDefault(state, 0L))
          .description("Edits by state")
          .strongReference(true)
          .tag("state", state.name().toLowerCase(Locale.ROOT))
          .register(registry);
    }
    Gauge.builder("klingbot.queue.length", this, g -> g.counts().queued())
        .description("Edits waiting for a free Kling slot")
        .strongReference(true)
        .register(registry);
    return this;
  }

  private synchronized Counts counts() {
    Instant now = clock.instant();
    if (last == null || !now.isBefore(readAt.plus(maxAge))) {
      last = source.get();
      readAt = now;
    }
    return last;
  }
}
