package dev.klingbot.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Optional;
import java.util.function.Predicate;

/** Typed access to request body fields; a bad field is HTTP 400 code 1201 naming it. */
final class Fields {
  private Fields() {}

  /** A string field; absent, null and empty all count as absent. */
  static Optional<String> optionalString(JsonNode body, String name) {
    return present(body, name)
        .map(node -> checked(node, name, JsonNode::isTextual, "a string").asText())
        .filter(text -> !text.isEmpty());
  }

  static String requiredString(JsonNode body, String name) {
    String value = optionalString(body, name).orElseThrow(() -> invalid(name + " is required"));
    if (value.isBlank()) {
      throw invalid(name + " is required");
    }
    return value;
  }

  static int requiredInt(JsonNode body, String name) {
    return required(
            body, name, node -> node.isIntegralNumber() && node.canConvertToInt(), "an integer")
        .intValue();
  }

  static Optional<ArrayNode> optionalArray(JsonNode body, String name) {
    return present(body, name)
        .map(node -> (ArrayNode) checked(node, name, JsonNode::isArray, "an array"));
  }

  static ArrayNode requiredArray(JsonNode body, String name) {
    return optionalArray(body, name).orElseThrow(() -> invalid(name + " is required"));
  }

  static double requiredNumber(JsonNode body, String name) {
    return required(body, name, JsonNode::isNumber, "a number").doubleValue();
  }

  /** The field, unless it is absent or null. */
  private static Optional<JsonNode> present(JsonNode body, String name) {
    JsonNode node = body.get(name);
    return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
  }

  /** The field, which must be there and be {@code kind} ({@code a number}). */
  private static JsonNode required(
      JsonNode body, String name, Predicate<JsonNode> isKind, String kind) {
    JsonNode node = present(body, name).orElseThrow(() -> invalid(name + " is required"));
    return checked(node, name, isKind, kind);
  }

  private static JsonNode checked(
      JsonNode node, String name, Predicate<JsonNode> isKind, String kind) {
    if (!isKind.test(node)) {
      throw invalid(name + " must be " + kind);
    }
    return node;
  }

  static ApiException invalid(String message) {
    return ApiError.INVALID_PARAMETER.exception(message);
  }
}
