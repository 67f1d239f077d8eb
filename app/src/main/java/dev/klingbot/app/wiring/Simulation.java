package dev.klingbot.app.wiring;

import dev.klingbot.config.KlingbotConfig;
import dev.klingbot.config.Secret;
import dev.klingbot.simulator.FaultSettings;
import dev.klingbot.simulator.KlingSimulator;
import dev.klingbot.simulator.SimulatorOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.UUID;

/**
 * {@code --simulate}: starts the Kling simulator in this process and points the configuration at
 * it, with a fresh token. Nothing is sent to the real Kling.
 */
public final class Simulation {
  private Simulation() {}

  /** A started simulator and the configuration that uses it. */
  public record Simulated(KlingSimulator simulator, KlingbotConfig config) {}

  public static Simulated start(KlingbotConfig config, Duration taskTime, Lifecycle lifecycle) {
    String token = "sim-" + UUID.randomUUID();
    SimulatorOptions options =
        SimulatorOptions.builder()
            .token(token)
            .bindHost("127.0.0.1")
            .port(0)
            .taskProcessingTime(taskTime)
            .faults(FaultSettings.NONE)
            .build();
    KlingSimulator simulator;
    try {
      simulator = lifecycle.manage(KlingSimulator.start(options));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the Kling simulator", e);
    }
    KlingbotConfig simulated =
        config.withKling(config.kling().withEndpoint(simulator.baseUrl(), Secret.of(token)));
    return new Simulated(simulator, simulated);
  }
}
