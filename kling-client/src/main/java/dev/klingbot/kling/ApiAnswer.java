package dev.klingbot.kling;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A successful Kling answer: the envelope's {@code data}, {@code message} and {@code request_id}.
 */
record ApiAnswer(int httpStatus, JsonNode data, String message, String requestId) {
  ApiAnswer {
    requireNonNull(data, "data is null");
    message = message == null ? "" : message;
    requestId = requestId == null ? "" : requestId;
  }
}
