package dev.klingbot.app.wiring;

import dev.klingbot.config.DatabaseConfig;
import dev.klingbot.config.KlingbotConfig;
import dev.klingbot.config.QuotaConfig;
import dev.klingbot.config.Secret;
import dev.klingbot.simulator.FaultSettings;
import dev.klingbot.simulator.KlingSimulator;
import dev.klingbot.simulator.SimulatorOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * {@code --simulate}: starts the Kling simulator in this process and points the configuration at
 * it, with a fresh token. Nothing is sent to the real Kling.
 */
public final class Simulation {
  /** The database of simulated runs when the configuration keeps the default one. */
  public static final String SIMULATED_DATABASE_URL = "jdbc:h2:file:./data/simulated/klingbot";

  /**
   * Where the simulator keeps its sessions, tasks and media, so a restarted {@code --simulate}
   * finishes the edits that were running, as a restart against the real Kling does: {@code
   * simulated/kling-simulator} next to the media work folder ({@code ./data} by default).
   */
  public static Path simulatorState(KlingbotConfig config) {
    Path media = Path.of(config.media().workDir()).toAbsolutePath().normalize();
    Path data = media.getParent() == null ? media : media.getParent();
    return data.resolve("simulated").resolve("kling-simulator");
  }

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
            .stateDirectory(simulatorState(config))
            .build();
    KlingSimulator simulator;
    try {
      simulator = lifecycle.manage(KlingSimulator.start(options));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the Kling simulator", e);
    }
    KlingbotConfig simulated =
        config.withKling(config.kling().withEndpoint(simulator.baseUrl(), Secret.of(token)));
    // Simulated edits cost nothing: trying the bot out never spends (or runs out of) a quota.
    simulated = simulated.withQuota(free(simulated.quota()));
    if (simulated.database().url().equals(DatabaseConfig.defaults().url())) {
      // Simulated edits and their quota use stay apart from real ones.
      DatabaseConfig database = simulated.database();
      simulated =
          simulated.withDatabase(
              new DatabaseConfig(
                  SIMULATED_DATABASE_URL,
                  database.user(),
                  database.password(),
                  database.maxPoolSize()));
    }
    return new Simulated(simulator, simulated);
  }

  /** The same limits with every task costing 0 units. */
  static QuotaConfig free(QuotaConfig quota) {
    return new QuotaConfig(quota.defaults(), new QuotaConfig.Costs(0, 0, 0, 0));
  }
}
