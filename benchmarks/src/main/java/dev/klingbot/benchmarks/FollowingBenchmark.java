package dev.klingbot.benchmarks;

import dev.klingbot.config.KlingbotConfig;
import dev.klingbot.core.workflow.InstanceId;
import dev.klingbot.core.workflow.PollPlanner;
import dev.klingbot.core.workflow.WorkflowSettings;
import dev.klingbot.kling.TaskDuration;
import dev.klingbot.kling.TaskMode;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * {@code benchmarks/run following}: how many Kling queries following a task costs, and how long
 * after Kling finished the bot notices, for three ways of polling — fixed 5 s, the plain backoff
 * (the bot before the planner) and the {@link PollPlanner} that learns from finished tasks — and
 * with Kling's callbacks on. Virtual time: 4,000 tasks whose durations are drawn per kind (task
 * mode and length) from log-normal distributions between 60 and 600 s; the planner learns from the
 * tasks that finished before each one, as the bot does from its database. The bot's real planner
 * and backoff code run; only the clock is simulated.
 */
public final class FollowingBenchmark {
  private static final int TASKS = 4000;
  private static final long SEED = 20261206L;

  private record Kind(TaskMode mode, TaskDuration length, double medianSeconds) {}

  private static final List<Kind> KINDS =
      List.of(
          new Kind(TaskMode.STD, TaskDuration.FIVE, 110),
          new Kind(TaskMode.STD, TaskDuration.TEN, 200),
          new Kind(TaskMode.PRO, TaskDuration.FIVE, 240),
          new Kind(TaskMode.PRO, TaskDuration.TEN, 420));

  private record Task(Kind kind, double seconds) {}

  /** What following one task cost. */
  private record Followed(int calls, double addedDelaySeconds) {}

  private FollowingBenchmark() {}

  public static void main(String[] args) {
    List<Task> tasks = tasks(new Random(SEED));
    WorkflowSettings settings =
        WorkflowSettings.from(KlingbotConfig.defaults(), null, InstanceId.create());
    Map<String, List<Followed>> results = new HashMap<>();

    results.put("fixed_5s", follow(tasks, history -> (kind, elapsed, checks) -> 5.0, false));
    results.put(
        "backoff",
        follow(tasks, history -> planner(PollPlanner.History.NONE, settings, false), false));
    results.put("planner", follow(tasks, history -> planner(history, settings, false), false));
    results.put(
        "planner_callbacks", follow(tasks, history -> planner(history, settings, true), true));

    double fixedCalls = meanCalls(results.get("fixed_5s"));
    System.out.printf(
        Locale.ROOT,
        "Following %d simulated tasks (60-600 s, 4 kinds), virtual clock%n",
        tasks.size());
    System.out.printf(
        Locale.ROOT,
        "%-20s %14s %16s %16s%n",
        "policy",
        "calls/task",
        "mean delay (s)",
        "p95 delay (s)");
    for (String name : List.of("fixed_5s", "backoff", "planner", "planner_callbacks")) {
      List<Followed> followed = results.get(name);
      System.out.printf(
          Locale.ROOT,
          "%-20s %14.2f %16.2f %16.2f%n",
          name,
          meanCalls(followed),
          meanDelay(followed),
          p95Delay(followed));
    }
    System.out.println();
    List<Followed> planner = results.get("planner");
    List<Followed> backoff = results.get("backoff");
    List<Followed> callbacks = results.get("planner_callbacks");
    line("calls_ratio_vs_fixed_5s", meanCalls(planner) / fixedCalls);
    line("mean_added_delay_s", meanDelay(planner));
    line("p95_added_delay_s", p95Delay(planner));
    line("callback_calls_per_task", meanCalls(callbacks));
    line("callback_p95_added_delay_s", p95Delay(callbacks));
    line("backoff_calls_ratio_vs_fixed_5s", meanCalls(backoff) / fixedCalls);
    line("backoff_mean_added_delay_s", meanDelay(backoff));
    line("fixed_5s_calls_per_task", fixedCalls);
    line("fixed_5s_mean_added_delay_s", meanDelay(results.get("fixed_5s")));
  }

  private static void line(String name, double value) {
    System.out.printf(Locale.ROOT, "%s: %.2f%n", name, value);
  }

  /** The wait before the next look, in seconds, for a task of a kind. */
  @FunctionalInterface
  private interface Policy {
    double nextSeconds(Kind kind, double elapsedSeconds, int checks);
  }

  @FunctionalInterface
  private interface PolicyFactory {
    Policy create(PollPlanner.History history);
  }

  private static Policy planner(
      PollPlanner.History history, WorkflowSettings settings, boolean callbacks) {
    PollPlanner planner =
        new PollPlanner(history, settings::pollDelay, settings.jobs().pollMaxInterval(), callbacks);
    return (kind, elapsed, checks) ->
        planner
                .next(
                    kind.mode(),
                    kind.length(),
                    Duration.ofMillis(Math.round(elapsed * 1000)),
                    checks)
                .toMillis()
            / 1000.0;
  }

  /**
   * Follows every task in order; after each, its duration joins the history (the 200 most recent of
   * its kind), as the bot records finished tasks.
   */
  private static List<Followed> follow(List<Task> tasks, PolicyFactory factory, boolean callbacks) {
    Map<TaskMode, Map<TaskDuration, Deque<Duration>>> finished = new EnumMap<>(TaskMode.class);
    PollPlanner.History history =
        (mode, length) ->
            List.copyOf(
                finished
                    .computeIfAbsent(mode, m -> new EnumMap<>(TaskDuration.class))
                    .computeIfAbsent(length, l -> new ArrayDeque<>()));
    Policy policy = factory.create(history);
    Random network = new Random(SEED + 1);
    List<Followed> followed = new ArrayList<>(tasks.size());
    for (Task task : tasks) {
      // Kling's callback reaches the bot 0.1-0.8 s after the task ended; the bot then asks once.
      double callbackAt =
          callbacks ? task.seconds() + 0.1 + 0.7 * network.nextDouble() : Double.MAX_VALUE;
      double now = 0;
      int calls = 0;
      while (true) {
        double next = now + policy.nextSeconds(task.kind(), now, calls);
        if (callbackAt <= next) {
          calls++;
          followed.add(new Followed(calls, callbackAt - task.seconds()));
          break;
        }
        now = next;
        calls++;
        if (now >= task.seconds()) {
          followed.add(new Followed(calls, now - task.seconds()));
          break;
        }
      }
      Deque<Duration> recent =
          finished
              .computeIfAbsent(task.kind().mode(), m -> new EnumMap<>(TaskDuration.class))
              .computeIfAbsent(task.kind().length(), l -> new ArrayDeque<>());
      recent.addFirst(Duration.ofMillis(Math.round(task.seconds() * 1000)));
      if (recent.size() > 200) {
        recent.removeLast();
      }
    }
    return followed;
  }

  private static List<Task> tasks(Random random) {
    List<Task> tasks = new ArrayList<>(TASKS);
    for (int i = 0; i < TASKS; i++) {
      Kind kind = KINDS.get(random.nextInt(KINDS.size()));
      double seconds = kind.medianSeconds() * Math.exp(0.25 * random.nextGaussian());
      tasks.add(new Task(kind, Math.max(60, Math.min(600, seconds))));
    }
    return tasks;
  }

  private static double meanCalls(List<Followed> followed) {
    return followed.stream().mapToInt(Followed::calls).average().orElse(0);
  }

  private static double meanDelay(List<Followed> followed) {
    return followed.stream().mapToDouble(Followed::addedDelaySeconds).average().orElse(0);
  }

  private static double p95Delay(List<Followed> followed) {
    double[] delays = followed.stream().mapToDouble(Followed::addedDelaySeconds).toArray();
    Arrays.sort(delays);
    return delays.length == 0 ? 0 : delays[(int) Math.floor(0.95 * (delays.length - 1))];
  }
}
