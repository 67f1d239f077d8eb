package dev.klingbot.kling;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes request records in Kling's wire format. */
final class RequestBodies {
  private RequestBodies() {}

  static ObjectNode createTask(CreateTaskRequest request) {
    ObjectNode body = KlingJson.mapper().createObjectNode();
    putIfPresent(body, "model_name", request.modelName());
    body.put("session_id", request.sessionId());
    body.put("edit_mode", request.editMode().wireName());
    if (!request.images().isEmpty()) {
      ArrayNode images = body.putArray("image_list");
      for (String image : request.images()) {
        images.addObject().put("image", image);
      }
    }
    body.put("prompt", request.prompt());
    putIfPresent(body, "negative_prompt", request.negativePrompt());
    if (request.mode() != null) {
      body.put("mode", request.mode().wireName());
    }
    if (request.duration() != null) {
      body.put("duration", request.duration().wireName());
    }
    putIfPresent(body, "callback_url", request.callbackUrl());
    putIfPresent(body, "external_task_id", request.externalTaskId());
    return body;
  }

  static ObjectNode sessionOnly(String sessionId) {
    return KlingJson.mapper().createObjectNode().put("session_id", sessionId);
  }

  private static void putIfPresent(ObjectNode body, String field, String value) {
    if (value != null) {
      body.put(field, value);
    }
  }
}
