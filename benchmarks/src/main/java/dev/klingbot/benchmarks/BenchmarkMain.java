package dev.klingbot.benchmarks;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark once and prints, for each case, the bot's implementation against its
 * baseline as a ratio ({@code baseline / ours}: above 1 means the bot's is faster). JMH options can
 * be passed through (e.g. {@code -f 2 -wi 5 -i 10} for tighter numbers).
 */
public final class BenchmarkMain {
  private BenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    CommandLineOptions cli = new CommandLineOptions(args);
    Options options =
        new OptionsBuilder()
            .parent(cli)
            .include(
                cli.getIncludes().isEmpty()
                    ? "dev.klingbot.benchmarks.*"
                    : String.join("|", cli.getIncludes()))
            .forks(cli.getForkCount().orElse(1))
            .warmupIterations(cli.getWarmupIterations().orElse(3))
            .warmupTime(cli.getWarmupTime().orElse(TimeValue.seconds(1)))
            .measurementIterations(cli.getMeasurementIterations().orElse(5))
            .measurementTime(cli.getMeasurementTime().orElse(TimeValue.seconds(1)))
            .build();
    Collection<RunResult> results = new Runner(options).run();
    System.out.println();
    System.out.println(table(results));
  }

  static String table(Collection<RunResult> results) {
    Map<String, Map<String, RunResult>> byCase = new TreeMap<>();
    for (RunResult result : results) {
      String label = result.getParams().getBenchmark();
      String benchmark = label.substring(label.lastIndexOf('.', label.lastIndexOf('.') - 1) + 1);
      String group = benchmark.substring(0, benchmark.indexOf('.'));
      String method = benchmark.substring(benchmark.indexOf('.') + 1);
      StringBuilder params = new StringBuilder(group);
      for (String key : result.getParams().getParamsKeys()) {
        params.append(' ').append(key).append('=').append(result.getParams().getParam(key));
      }
      byCase.computeIfAbsent(params.toString(), k -> new LinkedHashMap<>()).put(method, result);
    }
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT, "%-44s %16s %16s %10s%n", "case", "ours", "baseline", "speed-up"));
    for (Map.Entry<String, Map<String, RunResult>> entry : byCase.entrySet()) {
      RunResult baseline = entry.getValue().get("baseline");
      for (Map.Entry<String, RunResult> method : entry.getValue().entrySet()) {
        if (method.getKey().equals("baseline") || baseline == null) {
          continue;
        }
        double ours = method.getValue().getPrimaryResult().getScore();
        double base = baseline.getPrimaryResult().getScore();
        String unit = method.getValue().getPrimaryResult().getScoreUnit();
        out.append(
            String.format(
                Locale.ROOT,
                "%-44s %10.1f %-5s %10.1f %-5s %9.1fx%n",
                entry.getKey() + " (" + method.getKey() + ")",
                ours,
                unit,
                base,
                unit,
                base / ours));
      }
    }
    return out.toString();
  }
}
