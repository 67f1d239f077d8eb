package dev.klingbot.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator standalone until interrupted. Options: {@code --host}, {@code --port}, {@code
 * --token}, {@code --access-key}, {@code --secret-key}, {@code --public-url}, {@code
 * --task-seconds}, {@code --concurrency}, {@code --fail-rate} (share of requests answered 5xx),
 * {@code --rate-limit-rate}, {@code --task-fail-rate} (share of tasks that fail), {@code
 * --latency-ms}, {@code --out-of-credit}, {@code --seed}, {@code --work-dir}, {@code --state-dir}
 * (keeps sessions and tasks across restarts), {@code --webhook-secret}. The names match the app's
 * {@code klingbot simulator} command.
 */
public final class SimulatorMain {
  private SimulatorMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    SimulatorOptions options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("kling-simulator: " + e.getMessage());
      usage(System.err);
      System.exit(2);
      return;
    }
    if (options == null) {
      usage(System.out);
      return;
    }
    KlingSimulator simulator = KlingSimulator.start(options);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  simulator.close();
                  stopped.countDown();
                }));
    System.out.println("Kling simulator listening on " + simulator.baseUrl());
    stopped.await();
  }

  /** The options {@code args} ask for; {@code null} for {@code --help}. */
  static SimulatorOptions parse(String[] args) {
    SimulatorOptions.Builder builder = SimulatorOptions.builder();
    FaultSettings faults = FaultSettings.NONE;
    String accessKey = null;
    String secretKey = null;
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (name.equals("--help") || name.equals("-h")) {
        return null;
      }
      if (name.equals("--out-of-credit")) {
        faults = faults.withOutOfCredit(true);
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + name);
      }
      String value = args[++i];
      try {
        switch (name) {
          case "--host" -> builder.bindHost(value);
          case "--port" -> builder.port(Integer.parseInt(value));
          case "--token" -> builder.token(value);
          case "--access-key" -> accessKey = value;
          case "--secret-key" -> secretKey = value;
          case "--public-url" -> builder.publicBaseUrl(value);
          case "--task-seconds" ->
              builder.taskProcessingTime(
                  Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000)));
          case "--concurrency" -> builder.concurrencyLimit(Integer.parseInt(value));
          case "--fail-rate" -> faults = faults.withServerErrorRate(Double.parseDouble(value));
          case "--task-fail-rate" -> faults = faults.withTaskFailureRate(Double.parseDouble(value));
          case "--rate-limit-rate" -> faults = faults.withRateLimitRate(Double.parseDouble(value));
          case "--latency-ms" ->
              faults = faults.withLatency(Duration.ofMillis(Long.parseLong(value)));
          case "--seed" -> builder.randomSeed(Long.parseLong(value));
          case "--work-dir" -> builder.workDirectory(Path.of(value));
          case "--state-dir" -> builder.stateDirectory(Path.of(value));
          case "--webhook-secret" -> builder.webhookSecret(value);
          default -> throw new IllegalArgumentException("unknown option " + name);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad number for " + name + ": " + value);
      }
    }
    if ((accessKey == null) != (secretKey == null)) {
      throw new IllegalArgumentException("--access-key and --secret-key go together");
    }
    if (accessKey != null) {
      builder.accessKey(accessKey, secretKey);
    }
    return builder.faults(faults).build();
  }

  private static void usage(PrintStream out) {
    out.println(
        "usage: kling-simulator [--host 127.0.0.1] [--port 0] [--token sim-token]"
            + " [--access-key AK --secret-key SK] [--public-url URL] [--task-seconds 8]"
            + " [--concurrency 5] [--fail-rate 0] [--rate-limit-rate 0] [--task-fail-rate 0]"
            + " [--latency-ms 0] [--out-of-credit] [--seed 42] [--work-dir DIR]"
            + " [--state-dir DIR]"
            + " [--webhook-secret whsec_...]");
  }
}
