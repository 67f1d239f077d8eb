package dev.klingbot.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Optional;

/** Typed access to request body fields; a bad field is HTTP 400 code 1201 naming it. */
final class Fields {
  private Fields() {}

  /** A string field; absent, null and empty all count as absent. */
  static Optional<String> optionalString(JsonNode body, String name) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw invalid(name + " must be a string");
    }
    return node.asText().isEmpty() ? Optional.empty() : Optional.of(node.asText());
  }

  static String requiredString(JsonNode body, String name) {
    String value = optionalString(body, name).orElseThrow(() -> invalid(name + " is required"));
    if (value.isBlank()) {
      throw invalid(name + " is required");
    }
    return value;
  }

  static int requiredInt(JsonNode body, String name) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      throw invalid(name + " is required");
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw invalid(name + " must be an integer");
    }
    return node.intValue();
  }

  static Optional<ArrayNode> optionalArray(JsonNode body, String name) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isArray()) {
      throw invalid(name + " must be an array");
    }
    return Optional.of((ArrayNode) node);
  }

  static ArrayNode requiredArray(JsonNode body, String name) {
    return optionalArray(body, name).orElseThrow(() -> invalid(name + " is required"));
  }

  static double requiredNumber(JsonNode body, String name) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      throw invalid(name + " is required");
    }
    if (!node.isNumber()) {
      throw invalid(name + " must be a number");
    }
    return node.doubleValue();
  }

  static ApiException invalid(String message) {
    return ApiError.INVALID_PARAMETER.exception(message);
  }
}
