package dev.klingbot.app.cli;

import dev.klingbot.simulator.FaultSettings;
import dev.klingbot.simulator.KlingSimulator;
import dev.klingbot.simulator.SimulatorOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code klingbot simulator}: a local Kling multi-elements API for development and tests. */
@Command(
    name = "simulator",
    mixinStandardHelpOptions = true,
    description =
        "Run a local Kling API (multi-elements) that behaves like the real one, until Ctrl-C.")
public final class SimulatorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "8790",
      description = "Port to listen on (default ${DEFAULT-VALUE}; 0 = any free port).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Interface to listen on (default ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--token",
      defaultValue = "sim-token",
      description = "Bearer token clients must send (default ${DEFAULT-VALUE}).")
  String token;

  @Option(
      names = "--task-seconds",
      defaultValue = "8",
      description = "Seconds a task takes from submitted to succeed (default ${DEFAULT-VALUE}).")
  int taskSeconds;

  @Option(
      names = "--concurrency",
      defaultValue = "5",
      description =
          "Tasks in flight before create answers 1303 (default ${DEFAULT-VALUE}; 0 = no limit).")
  int concurrency;

  @Option(
      names = "--fail-rate",
      defaultValue = "0",
      description = "Share of API requests answered with a 5xx error, 0..1.")
  double failRate;

  @Option(
      names = "--rate-limit-rate",
      defaultValue = "0",
      description = "Share of API requests answered 429 (code 1302), 0..1.")
  double rateLimitRate;

  @Option(
      names = "--task-fail-rate",
      defaultValue = "0",
      description = "Share of tasks that end 'failed', 0..1.")
  double taskFailRate;

  @Option(
      names = "--latency-ms",
      defaultValue = "0",
      description = "Delay added to every request, in milliseconds.")
  long latencyMillis;

  @Option(
      names = "--out-of-credit",
      description = "Every create answers 429 with code 1102 (resource pack used up).")
  boolean outOfCredit;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description =
          "Keep sessions, tasks and results in DIR, so a restarted simulator (even after kill -9)"
              + " still knows them and finishes the tasks that were running.")
  Path stateDir;

  @Override
  public Integer call() throws Exception {
    for (double rate : new double[] {failRate, rateLimitRate, taskFailRate}) {
      if (rate < 0 || rate > 1) {
        throw new IllegalArgumentException(
            "rates are shares between 0 and 1, e.g. --fail-rate 0.1");
      }
    }
    SimulatorOptions options =
        SimulatorOptions.builder()
            .bindHost(host)
            .port(port)
            .token(token)
            .taskProcessingTime(Duration.ofSeconds(Math.max(1, taskSeconds)))
            .concurrencyLimit(concurrency)
            .stateDirectory(stateDir)
            .faults(
                new FaultSettings(
                    failRate,
                    rateLimitRate,
                    Duration.ofMillis(latencyMillis),
                    taskFailRate,
                    outOfCredit))
            .build();
    CountDownLatch stopped = new CountDownLatch(1);
    try (KlingSimulator simulator = KlingSimulator.start(options)) {
      PrintWriter out = spec.commandLine().getOut();
      out.println("Kling simulator listening on " + simulator.baseUrl());
      out.println("Use it with:");
      out.println("  export KLING_BASE_URL=" + simulator.baseUrl());
      out.println("  export KLING_API_TOKEN=" + token);
      out.println("Press Ctrl-C to stop.");
      out.flush();
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      stopped.await();
    }
    return 0;
  }
}
