package dev.klingbot.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** The simulator's one {@link ObjectMapper} and the response envelope. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** {@code {"code":..,"message":..,"request_id":..,"data":..}}; {@code data} may be null. */
  static ObjectNode envelope(int code, String message, String requestId, JsonNode data) {
    ObjectNode envelope = object();
    envelope.put("code", code);
    envelope.put("message", message);
    envelope.put("request_id", requestId);
    if (data != null) {
      envelope.set("data", data);
    }
    return envelope;
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a request body that must be a JSON object, else HTTP 400 code 1200. */
  static ObjectNode parseObject(String body) {
    if (body.isBlank()) {
      throw ApiError.INVALID_REQUEST.exception("request body is empty; expected a JSON object");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiError.INVALID_REQUEST.exception(
          "request body is not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw ApiError.INVALID_REQUEST.exception("request body must be a JSON object");
    }
    return (ObjectNode) node;
  }
}
