package dev.klingbot.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultTest {
  @AutoClose
  private static final KlingSimulator simulator =
      Api.started(
          SimulatorOptions.builder().faults(FaultSettings.NONE.withServerErrorRate(1.0)).build());

  private static final Api api = Api.of(simulator);

  @BeforeEach
  void reset() {
    simulator.faults().reset();
  }

  @Test
  void serverErrorRateOneFailsEveryRequestWith5xx() {
    Set<Integer> codes = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      Api.Response response = api.task("anything");
      assertThat(response.status()).isIn(500, 503);
      assertThat(response.code()).isEqualTo(response.status() == 500 ? 5000 : 5001);
      assertThat(response.body().path("request_id").asText()).isNotEmpty();
      codes.add(response.code());
    }
    assertThat(codes).containsExactlyInAnyOrder(5000, 5001);
  }

  @Test
  void faultsChangeAtRuntime() {
    simulator.faults().clear();
    assertThat(api.task("anything").code()).isEqualTo(1203);

    simulator.faults().rateLimitRate(1.0);
    Api.Response limited = api.task("anything");

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.code()).isEqualTo(1302);
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
  }

  @Test
  void latencyDelaysAnswers() {
    simulator.faults().clear().latency(Duration.ofMillis(300));
    long start = System.nanoTime();
    api.task("anything");
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void aPartialRateIsReproducibleForASeed() throws Exception {
    SimulatorOptions options =
        SimulatorOptions.builder()
            .randomSeed(99)
            .faults(FaultSettings.NONE.withServerErrorRate(0.5))
            .build();
    StringBuilder first = new StringBuilder();
    StringBuilder second = new StringBuilder();
    for (StringBuilder outcomes : new StringBuilder[] {first, second}) {
      try (KlingSimulator seeded = KlingSimulator.start(options)) {
        Api client = Api.of(seeded);
        for (int i = 0; i < 30; i++) {
          outcomes.append(client.task("x").status()).append(' ');
        }
      }
    }
    assertThat(first.toString())
        .isEqualTo(second.toString())
        .contains("404")
        .containsPattern("50[03]");
  }
}
