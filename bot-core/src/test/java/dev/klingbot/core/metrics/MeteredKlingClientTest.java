package dev.klingbot.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.klingbot.core.edit.EditState;
import dev.klingbot.kling.KlingClient;
import dev.klingbot.kling.KlingErrorCode;
import dev.klingbot.kling.KlingException;
import dev.klingbot.testing.SettableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MeteredKlingClientTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final WorkflowMetrics metrics = new WorkflowMetrics(registry);

  /** A Kling whose task look-ups fail as scripted, then answer "no such task". */
  private final Deque<KlingException> failures = new ArrayDeque<>();

  private final KlingClient kling = new MeteredKlingClient(taskLookUpsOnly(), metrics);

  /** A Kling that only looks tasks up; any other call is a mistake in the test. */
  private KlingClient taskLookUpsOnly() {
    return (KlingClient)
        Proxy.newProxyInstance(
            KlingClient.class.getClassLoader(),
            new Class<?>[] {KlingClient.class},
            (proxy, method, args) -> {
              if (!method.getName().equals("findTaskByExternalId")) {
                throw new UnsupportedOperationException(method.getName());
              }
              KlingException next = failures.poll();
              if (next != null) {
                throw next;
              }
              return Optional.empty();
            });
  }

  @Test
  void callsAreTimedByOperationAndOutcomeAndAnUnansweredOneMarksKlingDegraded() {
    assertThat(metrics.klingStatus()).isEmpty();
    failures.add(
        KlingException.builder(KlingErrorCode.NETWORK_ERROR, "no answer").retryable(true).build());

    assertThatThrownBy(() -> kling.findTaskByExternalId("E1")).isInstanceOf(KlingException.class);

    assertThat(count("find_task", "network_error")).isEqualTo(1);
    assertThat(metrics.klingStatus()).hasValueSatisfying(s -> assertThat(s.degraded()).isTrue());
    assertThat(metrics.klingStatus().get().lastOutcome()).isEqualTo("network_error");

    failures.add(
        KlingException.builder(KlingErrorCode.INVALID_PARAMETER, "bad").retryable(false).build());
    assertThatThrownBy(() -> kling.findTaskByExternalId("E1")).isInstanceOf(KlingException.class);
    assertThat(metrics.klingStatus().get().degraded()).as("a refusal is an answer").isFalse();

    assertThat(kling.findTaskByExternalId("E1")).isEmpty();
    assertThat(count("find_task", "ok")).isEqualTo(1);
    assertThat(metrics.klingStatus().get().lastOutcome()).isEqualTo("ok");
  }

  @Test
  void editGaugesReadTheDatabaseAtMostOncePerInterval() {
    SettableClock clock = new SettableClock(Instant.parse("2026-12-07T00:00:00Z"));
    AtomicInteger reads = new AtomicInteger();
    new EditGauges(
            () -> {
              reads.incrementAndGet();
              return new EditGauges.Counts(Map.of(EditState.PROCESSING, 2L), 3);
            },
            clock,
            Duration.ofSeconds(5))
        .bindTo(registry);

    assertThat(registry.get("klingbot.edits").tag("state", "processing").gauge().value())
        .isEqualTo(2.0);
    assertThat(registry.get("klingbot.edits").tag("state", "failed").gauge().value())
        .isEqualTo(0.0);
    assertThat(registry.get("klingbot.queue.length").gauge().value()).isEqualTo(3.0);
    assertThat(reads).hasValue(1);

    clock.advance(Duration.ofSeconds(5));
    registry.get("klingbot.queue.length").gauge().value();
    assertThat(reads).hasValue(2);
  }

  private long count(String operation, String outcome) {
    return registry
        .get("klingbot.kling.calls")
        .tag("operation", operation)
        .tag("outcome", outcome)
        .timer()
        .count();
  }
}
