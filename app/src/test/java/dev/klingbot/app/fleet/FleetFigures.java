package dev.klingbot.app.fleet;

import dev.klingbot.simulator.TaskCalls;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link Fleet} run did, from the outside: result posts per edit at the fake Slack, task
 * creations per edit and the callers of each task's queries at the simulator, the quota ledger.
 *
 * @param edits edits seeded
 * @param deliveredOnce edits whose result was posted exactly once
 * @param deliveredTwice edits whose result was posted more than once
 * @param lostEdits edits whose result was never posted
 * @param tasks tasks the simulator holds
 * @param createCalls create-task calls that reached a task (a repeated one answers the same task)
 * @param editsCreatedTwice edits (external task ids) for which more than one task was created
 * @param queries query-task calls that found a task
 * @param duplicateFollows tasks that two processes followed at once: the spans between each
 *     process's first and last call about the task overlap
 * @param takeovers tasks one process followed after another had (no overlap)
 * @param committedEdits edits whose units the quota ledger has as spent
 * @param committedUnits units the quota ledger has as spent
 * @param deliveredInDatabase edits the database has as delivered
 */
public record FleetFigures(
    int edits,
    int deliveredOnce,
    int deliveredTwice,
    int lostEdits,
    int tasks,
    int createCalls,
    int editsCreatedTwice,
    int queries,
    int duplicateFollows,
    int takeovers,
    int committedEdits,
    int committedUnits,
    int deliveredInDatabase) {

  private record Span(Instant first, Instant last) {
    Span with(Instant at) {
      return new Span(at.isBefore(first) ? at : first, at.isAfter(last) ? at : last);
    }

    boolean overlaps(Span other) {
      return !first.isAfter(other.last) && !other.first.isAfter(last);
    }
  }

  static FleetFigures of(
      List<String> seeded,
      Map<String, Integer> deliveries,
      TaskCalls calls,
      int tasks,
      Fleet fleet) {
    int once = 0;
    int twice = 0;
    int lost = 0;
    for (String id : seeded) {
      int count = deliveries.getOrDefault(id, 0);
      if (count == 0) {
        lost++;
      } else if (count == 1) {
        once++;
      } else {
        twice++;
      }
    }
    Map<String, Integer> created = new HashMap<>();
    Map<String, Map<String, Span>> spans = new LinkedHashMap<>();
    List<TaskCalls.Creation> creations = calls.creations();
    for (TaskCalls.Creation creation : creations) {
      if (creation.created()) {
        created.merge(creation.externalTaskId(), 1, Integer::sum);
      }
      touch(spans, creation.taskId(), creation.caller(), creation.time());
    }
    List<TaskCalls.Query> queries = calls.queries();
    for (TaskCalls.Query query : queries) {
      touch(spans, query.taskId(), query.caller(), query.time());
    }
    int duplicates = 0;
    int takeovers = 0;
    for (Map<String, Span> byCaller : spans.values()) {
      if (byCaller.size() < 2) {
        continue;
      }
      List<Span> list = new ArrayList<>(byCaller.values());
      boolean overlap = false;
      for (int i = 0; i < list.size() && !overlap; i++) {
        for (int j = i + 1; j < list.size() && !overlap; j++) {
          overlap = list.get(i).overlaps(list.get(j));
        }
      }
      if (overlap) {
        duplicates++;
      } else {
        takeovers++;
      }
    }
    int[] committed = fleet.committedUnits();
    return new FleetFigures(
        seeded.size(),
        once,
        twice,
        lost,
        tasks,
        creations.size(),
        (int) created.values().stream().filter(n -> n > 1).count(),
        queries.size(),
        duplicates,
        takeovers,
        committed[0],
        committed[1],
        fleet.deliveredInDatabase());
  }

  private static void touch(
      Map<String, Map<String, Span>> spans, String taskId, String caller, Instant at) {
    spans
        .computeIfAbsent(taskId, id -> new LinkedHashMap<>())
        .merge(caller, new Span(at, at), (span, ignored) -> span.with(at));
  }

  /** One {@code name: value} line per figure. */
  public List<String> lines() {
    return List.of(
        "edits: " + edits,
        "delivered_once: " + deliveredOnce,
        "delivered_twice: " + deliveredTwice,
        "lost_edits: " + lostEdits,
        "tasks_created: " + tasks,
        "edits_created_twice: " + editsCreatedTwice,
        "duplicate_follows: " + duplicateFollows,
        "takeovers: " + takeovers,
        "queries_per_task: " + String.format(java.util.Locale.ROOT, "%.2f", queriesPerTask()),
        "quota_units_committed: " + committedUnits);
  }

  public double queriesPerTask() {
    return tasks == 0 ? 0 : (double) queries / tasks;
  }
}
