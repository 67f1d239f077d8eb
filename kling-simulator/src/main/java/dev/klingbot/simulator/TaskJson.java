package dev.klingbot.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A task as the API's {@code data} object (query answer, create answer and callback body). */
final class TaskJson {
  private TaskJson() {}

  static ObjectNode data(TaskSnapshot task) {
    ObjectNode data = Json.object();
    data.put("task_id", task.taskId());
    data.put("task_status", task.status());
    data.put("task_status_msg", task.statusMessage());
    ObjectNode info = data.putObject("task_info");
    task.externalTaskId().ifPresent(id -> info.put("external_task_id", id));
    data.put("session_id", task.sessionId());
    data.put("created_at", task.createdAt().toEpochMilli());
    data.put("updated_at", task.updatedAt().toEpochMilli());
    if (task.status().equals(Task.SUCCEED) && task.resultUrl().isPresent()) {
      ObjectNode video = data.putObject("task_result").putArray("videos").addObject();
      video.put("id", task.resultVideoId().orElse(""));
      video.put("session_id", task.sessionId());
      video.put("url", task.resultUrl().get());
      video.put("duration", task.duration());
    }
    return data;
  }
}
