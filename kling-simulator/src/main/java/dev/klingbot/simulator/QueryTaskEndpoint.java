package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Map;

/**
 * {@code GET .../multi-elements/{id}} (task id or external task id), {@code GET
 * .../multi-elements?external_task_id=...} or {@code ?task_id=...}, and without either a page of
 * tasks, newest first ({@code pageNum}, {@code pageSize}, as Kling's list endpoints). An unknown
 * task is HTTP 404 code 1203.
 */
final class QueryTaskEndpoint {
  private final TaskStore tasks;

  QueryTaskEndpoint(TaskStore tasks) {
    this.tasks = requireNonNull(tasks, "tasks is null");
  }

  JsonNode byId(String id) {
    return tasks
        .find(id)
        .map(TaskJson::data)
        .orElseThrow(() -> ApiError.RESOURCE_NOT_FOUND.exception("task " + id + " does not exist"));
  }

  JsonNode byQuery(Map<String, String> query) {
    String external = query.get("external_task_id");
    if (external != null && !external.isEmpty()) {
      return tasks
          .findByExternalId(external)
          .map(TaskJson::data)
          .orElseThrow(
              () ->
                  ApiError.RESOURCE_NOT_FOUND.exception(
                      "no task with external_task_id " + external));
    }
    String taskId = query.get("task_id");
    if (taskId != null && !taskId.isEmpty()) {
      return byId(taskId);
    }
    int page = positive(query.getOrDefault("pageNum", "1"), "pageNum");
    int size = Math.min(500, positive(query.getOrDefault("pageSize", "30"), "pageSize"));
    List<TaskSnapshot> all = tasks.snapshot();
    ArrayNode list = Json.MAPPER.createArrayNode();
    for (int i = all.size() - 1 - (page - 1) * size, n = 0; i >= 0 && n < size; i--, n++) {
      list.add(TaskJson.data(all.get(i)));
    }
    return list;
  }

  private static int positive(String value, String name) {
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= 1) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw Fields.invalid(name + " must be a positive integer");
  }
}
