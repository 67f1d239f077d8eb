package dev.klingbot.benchmarks;

import dev.klingbot.app.fleet.Fleet;
import dev.klingbot.app.fleet.FleetFigures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code benchmarks/run scale}: one bot process against two on one PostgreSQL database following
 * the same number of open edits (default 2,000) through the Kling simulator (2-second tasks, one
 * prepared result) to a fake Slack. Each run gets a fresh schema, simulator and fake, and is timed
 * from the start of the processes to the last result posted. Prints the throughput of each, their
 * ratio, and what the two-process run did twice or lost: result posts, Kling tasks, and tasks two
 * processes followed at once (duplicate follows, counted from the simulator's calls per task).
 *
 * <p>Arguments: {@code [edits] [bot class path]}; the class path defaults to {@code
 * app/target/klingbot.jar} (what {@code ./klingbot} runs), built by {@code benchmarks/run}.
 */
public final class ScaleBenchmark {
  private static final Duration TASK_TIME = Duration.ofSeconds(2);
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final Duration TIMEOUT = Duration.ofMinutes(20);

  /**
   * @param seconds from the start of the processes to the last result posted
   * @param steadySeconds from the first result posted to the last (JVM start-up left out)
   */
  private record Run(int processes, double seconds, double steadySeconds, FleetFigures figures) {
    double editsPerSecond() {
      return figures.edits() / seconds;
    }

    double steadyEditsPerSecond() {
      return (figures.edits() - 1) / steadySeconds;
    }
  }

  private ScaleBenchmark() {}

  public static void main(String[] args) throws Exception {
    int edits = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    // absolute: each bot process runs in a folder of its own
    String botClassPath =
        Path.of(args.length > 1 ? args[1] : "app/target/klingbot.jar").toAbsolutePath().toString();
    if (!Files.isRegularFile(Path.of(botClassPath))) {
      throw new IllegalStateException("no bot jar at " + botClassPath + "; run benchmarks/run");
    }
    System.out.printf(
        "Following %d edits with 1 and 2 bot processes on PostgreSQL (simulated %d s tasks)%n",
        edits, TASK_TIME.toSeconds());
    Run one = run(edits, 1, botClassPath);
    Run two = run(edits, 2, botClassPath);

    System.out.printf(
        "%-12s %10s %12s %10s %10s %10s%n",
        "processes", "seconds", "edits/s", "lost", "twice", "dup_follow");
    for (Run run : List.of(one, two)) {
      System.out.printf(
          Locale.ROOT,
          "%-12d %10.1f %12.2f %10d %10d %10d%n",
          run.processes(),
          run.seconds(),
          run.editsPerSecond(),
          run.figures().lostEdits(),
          run.figures().deliveredTwice(),
          run.figures().duplicateFollows());
    }
    System.out.println();
    List<String> lines = new ArrayList<>();
    lines.add(format("throughput_ratio_2_vs_1", two.editsPerSecond() / one.editsPerSecond()));
    lines.add("duplicate_follows: " + two.figures().duplicateFollows());
    lines.add("lost_edits: " + (one.figures().lostEdits() + two.figures().lostEdits()));
    lines.add(
        "delivered_twice: " + (one.figures().deliveredTwice() + two.figures().deliveredTwice()));
    lines.add(
        "edits_created_twice: "
            + (one.figures().editsCreatedTwice() + two.figures().editsCreatedTwice()));
    lines.add(format("one_process_edits_per_second", one.editsPerSecond()));
    lines.add(format("two_processes_edits_per_second", two.editsPerSecond()));
    lines.add(
        format(
            "steady_throughput_ratio_2_vs_1",
            two.steadyEditsPerSecond() / one.steadyEditsPerSecond()));
    lines.add(format("one_process_seconds", one.seconds()));
    lines.add(format("two_processes_seconds", two.seconds()));
    lines.add(format("queries_per_task_two_processes", two.figures().queriesPerTask()));
    lines.add("quota_units_committed_two_processes: " + two.figures().committedUnits());
    lines.forEach(System.out::println);
  }

  private static Run run(int edits, int processes, String botClassPath) throws Exception {
    Path dir = Files.createTempDirectory("klingbot-scale");
    try (Fleet fleet = Fleet.open(dir, TASK_TIME, botClassPath)) {
      long seeding = System.nanoTime();
      fleet.seed(edits);
      System.out.printf(
          "  %d process(es): seeded %d edits in %.1f s%n",
          processes, edits, (System.nanoTime() - seeding) / 1e9);
      long started = System.nanoTime();
      for (int i = 1; i <= processes; i++) {
        fleet.start("bot-" + i, LEASE);
      }
      fleet.awaitDelivered(1, TIMEOUT);
      long first = System.nanoTime();
      int delivered = fleet.awaitDelivered(edits, TIMEOUT);
      long end = System.nanoTime();
      double seconds = (end - started) / 1e9;
      double steady = (end - first) / 1e9;
      FleetFigures figures = fleet.figures();
      System.out.printf(
          "  %d process(es): %d of %d delivered in %.1f s%n", processes, delivered, edits, seconds);
      return new Run(processes, seconds, steady, figures);
    }
  }

  private static String format(String name, double value) {
    return String.format(Locale.ROOT, "%s: %.2f", name, value);
  }
}
