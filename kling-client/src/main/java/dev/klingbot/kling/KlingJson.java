package dev.klingbot.kling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Kling's JSON. Public entry point: {@link #parseTaskData(String)} for callback bodies (Kling
 * POSTs the query answer's {@code data} object, without the envelope, to the callback URL).
 */
public final class KlingJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private KlingJson() {}

  /** The shared, configured mapper (thread-safe). */
  static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Parses a task {@code data} object, e.g. a callback body. An envelope ({@code {"code":0,
   * "data":{...}}}) around it is tolerated.
   *
   * @throws KlingException ({@link KlingErrorCode#INVALID_RESPONSE}, not retryable) when the text
   *     is not a JSON object
   */
  public static TaskInfo parseTaskData(String json) {
    if (json == null) {
      throw invalidCallback("the body is missing", null);
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw invalidCallback("the body is not valid JSON", e);
    }
    if (root == null || !root.isObject()) {
      throw invalidCallback("the body is not a JSON object", null);
    }
    if (root.path("data").isObject() && root.has("code") && !root.has("task_id")) {
      root = root.path("data");
    }
    return taskInfo(root);
  }

  /** Parses a task {@code data} object from UTF-8 bytes; see {@link #parseTaskData(String)}. */
  public static TaskInfo parseTaskData(byte[] json) {
    if (json == null) {
      throw invalidCallback("the body is missing", null);
    }
    return parseTaskData(new String(json, StandardCharsets.UTF_8));
  }

  static TaskInfo taskInfo(JsonNode data) {
    List<ResultVideo> videos = new ArrayList<>();
    for (JsonNode video : data.path("task_result").path("videos")) {
      videos.add(convert(video, ResultVideo.class));
    }
    String sessionId = text(data, "session_id");
    if (sessionId == null && !videos.isEmpty()) {
      sessionId = videos.get(0).sessionId();
    }
    String externalTaskId = text(data.path("task_info"), "external_task_id");
    if (externalTaskId == null) {
      externalTaskId = text(data, "external_task_id");
    }
    return new TaskInfo(
        text(data, "task_id"),
        TaskStatus.fromWire(text(data, "task_status")),
        text(data, "task_status_msg"),
        sessionId,
        externalTaskId,
        instant(data.path("created_at")),
        instant(data.path("updated_at")),
        videos);
  }

  static SelectionResult selectionResult(JsonNode data) {
    JsonNode res = data.path("res");
    List<MaskEntry> masks = new ArrayList<>();
    for (JsonNode entry : res.path("rle_mask_list")) {
      masks.add(convert(entry, MaskEntry.class));
    }
    JsonNode frame = res.path("frame_index");
    return new SelectionResult(
        data.path("status").asInt(0),
        text(data, "session_id"),
        frame.isNumber() || frame.isTextual() ? Integer.valueOf(frame.asInt()) : null,
        masks);
  }

  static <T> T convert(JsonNode node, Class<T> type) {
    try {
      return MAPPER.treeToValue(node, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw KlingException.builder(
              KlingErrorCode.INVALID_RESPONSE,
              "Kling's answer did not have the expected shape for " + type.getSimpleName())
          .cause(e)
          .build();
    }
  }

  static byte[] write(Object body) {
    try {
      return MAPPER.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("could not write a request body as JSON", e);
    }
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() && !value.isNull() ? value.asText() : null;
  }

  private static Instant instant(JsonNode millis) {
    if (millis.isNumber() || (millis.isTextual() && !millis.asText().isBlank())) {
      long value = millis.asLong(-1);
      return value >= 0 ? Instant.ofEpochMilli(value) : null;
    }
    return null;
  }

  private static KlingException invalidCallback(String why, Throwable cause) {
    return KlingException.builder(
            KlingErrorCode.INVALID_RESPONSE,
            "could not read a Kling task: " + why + "; expected the task's data object")
        .cause(cause)
        .build();
  }
}
