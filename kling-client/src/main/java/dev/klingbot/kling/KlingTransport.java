package dev.klingbot.kling;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one request, reads Kling's envelope ({@code code}, {@code message}, {@code request_id},
 * {@code data}) and turns every failure into a {@link KlingException}. Every response is closed.
 * Never logs headers or bodies.
 */
final class KlingTransport {
  private static final Logger log = LoggerFactory.getLogger(KlingTransport.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final Clock clock;

  KlingTransport(Clock clock) {
    this.clock = requireNonNull(clock, "clock is null");
  }

  static Request postJson(okhttp3.HttpUrl url, Object body) {
    return new Request.Builder()
        .url(url)
        .header("Accept", "application/json")
        .post(RequestBody.create(KlingJson.write(body), JSON))
        .build();
  }

  static Request get(okhttp3.HttpUrl url) {
    return new Request.Builder().url(url).header("Accept", "application/json").get().build();
  }

  ApiAnswer execute(OkHttpClient client, String operation, Request request) {
    int status;
    String text;
    Duration retryAfter;
    try (Response response = client.newCall(request).execute()) {
      status = response.code();
      retryAfter = parseRetryAfter(response.header("Retry-After"));
      text = response.body().string();
    } catch (IOException e) {
      log.debug("Kling {} got no answer: {}", operation, e.toString());
      throw KlingException.builder(
              KlingErrorCode.NETWORK_ERROR,
              "Kling " + operation + " got no answer (" + describe(e) + ")")
          .retryable(true)
          .cause(e)
          .build();
    }
    JsonNode root = parse(text);
    if (root == null) {
      log.debug("Kling {} answered HTTP {} with a body that is not JSON", operation, status);
      throw KlingException.builder(
              KlingErrorCode.INVALID_RESPONSE,
              "Kling " + operation + " answered with a body that is not valid JSON")
          .httpStatus(status)
          .retryable(isRetryableStatus(status))
          .retryAfter(retryAfter)
          .build();
    }
    int code = code(root.path("code"));
    String message = KlingJson.text(root, "message");
    String requestId = KlingJson.text(root, "request_id");
    log.debug(
        "Kling {} answered HTTP {} code {} request_id {}", operation, status, code, requestId);
    boolean success = status >= 200 && status < 300 && (code == 0 || code == -1);
    if (success && root.path("data").isObject()) {
      return new ApiAnswer(status, root.path("data"), message, requestId);
    }
    if (success) {
      throw KlingException.builder(
              KlingErrorCode.INVALID_RESPONSE,
              "Kling " + operation + " answered without a data object")
          .httpStatus(status)
          .code(code)
          .apiMessage(message)
          .requestId(requestId)
          .build();
    }
    KlingErrorCode kind = kind(code, status);
    throw KlingException.builder(kind, "Kling " + operation + " failed")
        .httpStatus(status)
        .code(code)
        .apiMessage(message)
        .requestId(requestId)
        .retryable(isRetryable(kind))
        .retryAfter(retryAfter)
        .build();
  }

  private static JsonNode parse(String text) {
    try {
      JsonNode root = KlingJson.mapper().readTree(text);
      return root != null && root.isObject() ? root : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static int code(JsonNode code) {
    if (code.isIntegralNumber()) {
      return code.asInt();
    }
    if (code.isTextual()) {
      return code.asInt(-1);
    }
    return -1;
  }

  /** The kind from the body code; from the HTTP status only when the body has no code. */
  static KlingErrorCode kind(int code, int status) {
    if (code > 0) {
      return KlingErrorCode.fromApiCode(code);
    }
    if (status == 429) {
      return KlingErrorCode.RATE_LIMITED;
    }
    if (status == 503) {
      return KlingErrorCode.SERVICE_UNAVAILABLE;
    }
    if (status == 504) {
      return KlingErrorCode.INTERNAL_TIMEOUT;
    }
    if (status >= 500) {
      return KlingErrorCode.INTERNAL_ERROR;
    }
    if (status == 404) {
      return KlingErrorCode.RESOURCE_NOT_FOUND;
    }
    return KlingErrorCode.UNKNOWN;
  }

  static boolean isRetryable(KlingErrorCode kind) {
    switch (kind) {
      case RATE_LIMITED:
      case PARALLEL_TASK_LIMIT:
      case INTERNAL_ERROR:
      case SERVICE_UNAVAILABLE:
      case INTERNAL_TIMEOUT:
        return true;
      default:
        return false;
    }
  }

  private static String describe(IOException e) {
    return e.getMessage() == null
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private static boolean isRetryableStatus(int status) {
    return status >= 500 || status == 429 || status == 408;
  }

  private Duration parseRetryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.trim();
    try {
      long seconds = Long.parseLong(value);
      return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(clock.instant(), when.toInstant());
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }
}
