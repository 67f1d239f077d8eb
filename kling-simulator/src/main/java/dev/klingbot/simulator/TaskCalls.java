package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every create-task and query-task call, with the time and the caller (its {@code User-Agent}):
 * what load tests check to prove that no task was created twice and that no task was followed by
 * two clients at once. Unlike the request log it keeps every call, and it stays small (no bodies).
 * Thread-safe.
 */
public final class TaskCalls {
  /** A caller that sent no {@code User-Agent}. */
  public static final String UNKNOWN_CALLER = "unknown";

  /**
   * One create-task call that reached a task.
   *
   * @param externalTaskId the client's {@code external_task_id}, or empty
   * @param taskId the task it created or, for a repeated {@code external_task_id}, found
   * @param created whether this call created the task (false: an existing one was answered)
   */
  public record Creation(
      String externalTaskId, String taskId, boolean created, Instant time, String caller) {
    public Creation {
      requireNonNull(externalTaskId, "externalTaskId is null");
      requireNonNull(taskId, "taskId is null");
      requireNonNull(time, "time is null");
      requireNonNull(caller, "caller is null");
    }
  }

  /** One query of a task (by task id or external task id) that found it. */
  public record Query(String taskId, Instant time, String caller) {
    public Query {
      requireNonNull(taskId, "taskId is null");
      requireNonNull(time, "time is null");
      requireNonNull(caller, "caller is null");
    }
  }

  private final List<Creation> creations = new ArrayList<>();
  private final List<Query> queries = new ArrayList<>();

  synchronized void created(Creation creation) {
    creations.add(requireNonNull(creation, "creation is null"));
  }

  synchronized void queried(Query query) {
    queries.add(requireNonNull(query, "query is null"));
  }

  /** Every create-task call that reached a task, oldest first. */
  public synchronized List<Creation> creations() {
    return List.copyOf(creations);
  }

  /** Every query that found a task, oldest first. */
  public synchronized List<Query> queries() {
    return List.copyOf(queries);
  }

  /** The queries of each task, oldest first, by task id. */
  public synchronized Map<String, List<Query>> queriesByTask() {
    Map<String, List<Query>> byTask = new LinkedHashMap<>();
    for (Query query : queries) {
      byTask.computeIfAbsent(query.taskId(), id -> new ArrayList<>()).add(query);
    }
    byTask.replaceAll((id, list) -> List.copyOf(list));
    return byTask;
  }

  static String caller(String userAgent) {
    return userAgent == null || userAgent.isBlank() ? UNKNOWN_CALLER : userAgent;
  }
}
