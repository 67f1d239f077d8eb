package dev.klingbot.core.metrics;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the workflow counts and times, through Micrometer (a facade: the app chooses where the
 * numbers go, e.g. Prometheus). Names use Micrometer's dots; Prometheus shows them with underscores
 * and unit suffixes ({@code klingbot.kling.calls} → {@code klingbot_kling_calls_seconds_count}).
 *
 * <ul>
 *   <li>{@code klingbot.kling.calls} (timer; {@code operation}, {@code outcome}: ok or the error
 *       code) — each Kling API call and how long it took
 *   <li>{@code klingbot.deliveries} (counter; {@code outcome}: delivered, failed, retry) — final
 *       messages posted, given up, or put off
 *   <li>{@code klingbot.callbacks.received} / {@code klingbot.callbacks.verified} (counters)
 *   <li>{@code klingbot.quota.units.spent} (counter) — units of edits that Kling finished
 *   <li>{@code klingbot.queue.wait} (timer) — how long queued edits waited for a free Kling slot
 * </ul>
 *
 * Edits by state and the queue length are gauges read from the database ({@link EditGauges}).
 */
public final class WorkflowMetrics {
  private final MeterRegistry registry;
  private final Counter callbacksReceived;
  private final Counter callbacksVerified;
  private final Counter unitsSpent;
  private final Timer queueWait;
  private volatile KlingStatus klingStatus;

  public WorkflowMetrics(MeterRegistry registry) {
    this.registry = requireNonNull(registry, "registry is null");
    this.callbacksReceived =
        Counter.builder("klingbot.callbacks.received")
            .description("Kling callbacks that arrived for a known edit")
            .register(registry);
    this.callbacksVerified =
        Counter.builder("klingbot.callbacks.verified")
            .description("Kling callbacks with the edit's secret and a valid signature")
            .register(registry);
    this.unitsSpent =
        Counter.builder("klingbot.quota.units.spent")
            .description("Quota units of the edits Kling finished")
            .register(registry);
    this.queueWait =
        Timer.builder("klingbot.queue.wait")
            .description("How long a queued edit waited for a free Kling slot")
            .register(registry);
  }

  /** Metrics that go nowhere in particular (tests, tools). */
  public static WorkflowMetrics none() {
    return new WorkflowMetrics(new SimpleMeterRegistry());
  }

  public MeterRegistry registry() {
    return registry;
  }

  /**
   * How Kling answered lately: {@code degraded} when the last call did not get through (no answer,
   * a timeout, a server error or a rate limit), with that outcome; refusals of a request count as
   * answers.
   */
  public record KlingStatus(boolean degraded, String lastOutcome, Instant at) {}

  /** Kling's status after the last call, or empty before the first one. */
  public Optional<KlingStatus> klingStatus() {
    return Optional.ofNullable(klingStatus);
  }

  /**
   * One Kling API call: {@code outcome} is {@code ok} or the error code; {@code gotThrough} is
   * false when Kling could not be reached or was overloaded.
   */
  public void klingCall(String operation, String outcome, Duration took, boolean gotThrough) {
    klingStatus = new KlingStatus(!gotThrough, outcome, Instant.now());
    klingCall(operation, outcome, took);
  }

  /** One Kling API call: {@code outcome} is {@code ok} or the error code. */
  public void klingCall(String operation, String outcome, Duration took) {
    Timer.builder("klingbot.kling.calls")
        .description("Kling API calls by operation and outcome")
        .tag("operation", operation)
        .tag("outcome", outcome)
        .register(registry)
        .record(took);
  }

  /** A final message: {@code delivered}, {@code failed} (given up) or {@code retry}. */
  public void delivery(String outcome) {
    Counter.builder("klingbot.deliveries")
        .description("Final messages of edits by outcome")
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  public void callbackReceived() {
    callbacksReceived.increment();
  }

  public void callbackVerified() {
    callbacksVerified.increment();
  }

  public void unitsSpent(int units) {
    unitsSpent.increment(units);
  }

  /** A queued edit got its Kling task after waiting {@code waited}. */
  public void queueWaited(Duration waited) {
    queueWait.record(waited);
  }
}
