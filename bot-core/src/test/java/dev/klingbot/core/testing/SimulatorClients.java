package dev.klingbot.core.testing;

import dev.klingbot.kling.KlingClient;
import dev.klingbot.kling.KlingCredentials;
import dev.klingbot.kling.KlingRetryPolicy;
import dev.klingbot.kling.OkHttpKlingClient;
import dev.klingbot.simulator.KlingSimulator;
import java.time.Duration;
import okhttp3.OkHttpClient;

/** The SDK pointed at a simulator, as the tests use it: a bearer token and quick retries. */
public final class SimulatorClients {
  private SimulatorClients() {}

  /**
   * A client of {@code simulator} signing in with {@code token}, retrying after {@code firstDelay}
   * up to {@code maxDelay} between tries.
   */
  public static KlingClient of(
      KlingSimulator simulator,
      String token,
      OkHttpClient http,
      Duration firstDelay,
      Duration maxDelay,
      int maxAttempts) {
    return OkHttpKlingClient.builder()
        .baseUrl(simulator.baseUrl())
        .credentials(KlingCredentials.bearer(token))
        .httpClient(http)
        .retryPolicy(
            KlingRetryPolicy.defaults()
                .withDelays(firstDelay, maxDelay)
                .withMaxAttempts(maxAttempts))
        .build();
  }
}
