package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP handler: records the request, serves {@code /files/...}, and for API routes (under
 * {@code /kling} or not) applies faults, finds the route (HTTP 404 code 1202 otherwise),
 * authenticates, parses the JSON body (HTTP 400 code 1200 when malformed) and answers in the
 * envelope.
 */
final class ApiRouter implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ApiRouter.class);
  static final String GATEWAY_PREFIX = "/kling";
  static final String TASKS = "/v1/videos/multi-elements";
  private static final int MAX_BODY_BYTES = 64 * 1024 * 1024;
  private static final Set<String> ACTIONS =
      Set.of(
          "init-selection",
          "add-selection",
          "delete-selection",
          "clear-selection",
          "preview-selection");

  /** The endpoints the router dispatches to. */
  record Endpoints(
      InitSelectionEndpoint init,
      SelectionEndpoints selection,
      PreviewEndpoint preview,
      CreateTaskEndpoint create,
      QueryTaskEndpoint query) {}

  private final RequestLog log;
  private final MediaFileHandler files;
  private final FaultInjector faults;
  private final Authenticator authenticator;
  private final Endpoints endpoints;
  private final InstantSource clock;
  private final TaskCalls calls;
  private final AtomicLong requestIds = new AtomicLong();

  ApiRouter(
      RequestLog log,
      MediaFileHandler files,
      FaultInjector faults,
      Authenticator authenticator,
      Endpoints endpoints,
      InstantSource clock,
      TaskCalls calls) {
    this.log = requireNonNull(log, "log is null");
    this.files = requireNonNull(files, "files is null");
    this.faults = requireNonNull(faults, "faults is null");
    this.authenticator = requireNonNull(authenticator, "authenticator is null");
    this.endpoints = requireNonNull(endpoints, "endpoints is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.calls = requireNonNull(calls, "calls is null");
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      String body = readBody(exchange);
      record(exchange, body);
      if (exchange.getRequestURI().getPath().startsWith(MediaFiles.PREFIX)) {
        files.handle(exchange);
        return;
      }
      String requestId =
          "sim-req-" + String.format(Locale.ROOT, "%08d", requestIds.incrementAndGet());
      try {
        faults.apply();
        Answer answer = route(exchange, body);
        respond(
            exchange, 200, Json.envelope(0, answer.message(), requestId, answer.data()), Map.of());
      } catch (ApiException e) {
        ApiError error = e.error();
        respond(
            exchange,
            error.httpStatus(),
            Json.envelope(error.code(), e.getMessage(), requestId, null),
            e.headers());
      } catch (IOException | RuntimeException e) {
        LOG.warn("request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        respond(
            exchange,
            500,
            Json.envelope(ApiError.INTERNAL_ERROR.code(), "internal error: " + e, requestId, null),
            Map.of());
      }
    } finally {
      exchange.close();
    }
  }

  /** A successful answer: {@code data} and the envelope message. */
  private record Answer(JsonNode data, String message) {
    Answer(JsonNode data) {
      this(data, "success");
    }
  }

  private Answer route(HttpExchange exchange, String body) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    if (path.equals(GATEWAY_PREFIX) || path.startsWith(GATEWAY_PREFIX + "/")) {
      path = path.substring(GATEWAY_PREFIX.length());
    }
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.equals(TASKS)) {
      if (method.equals("POST")) {
        authenticate(exchange);
        return new Answer(endpoints.create().handle(Json.parseObject(body), caller(exchange)));
      }
      if (method.equals("GET")) {
        authenticate(exchange);
        return new Answer(queried(exchange, endpoints.query().byQuery(query(exchange))));
      }
      throw invalidMethod(method, path);
    }
    if (!path.startsWith(TASKS + "/") || path.indexOf('/', TASKS.length() + 1) >= 0) {
      throw invalidMethod(method, path);
    }
    String segment = path.substring(TASKS.length() + 1);
    if (ACTIONS.contains(segment)) {
      if (!method.equals("POST")) {
        throw invalidMethod(method, path);
      }
      authenticate(exchange);
      return action(segment, Json.parseObject(body));
    }
    if (!method.equals("GET")) {
      throw invalidMethod(method, path);
    }
    authenticate(exchange);
    return new Answer(
        queried(
            exchange, endpoints.query().byId(URLDecoder.decode(segment, StandardCharsets.UTF_8))));
  }

  /** Records a query that found one task (a page of tasks is not a query of any one task). */
  private JsonNode queried(HttpExchange exchange, JsonNode answer) {
    JsonNode taskId = answer.get("task_id");
    if (answer.isObject() && taskId != null && taskId.isTextual()) {
      calls.queried(new TaskCalls.Query(taskId.asText(), clock.instant(), caller(exchange)));
    }
    return answer;
  }

  private static String caller(HttpExchange exchange) {
    return TaskCalls.caller(exchange.getRequestHeaders().getFirst("User-Agent"));
  }

  private Answer action(String action, ObjectNode body) throws IOException {
    return switch (action) {
      case "init-selection" -> {
        InitSelectionEndpoint.Answer answer = endpoints.init().handle(body);
        yield new Answer(answer.data(), answer.message());
      }
      case "add-selection" -> new Answer(endpoints.selection().add(body));
      case "delete-selection" -> new Answer(endpoints.selection().delete(body));
      case "clear-selection" -> new Answer(endpoints.selection().clear(body));
      default -> new Answer(endpoints.preview().handle(body));
    };
  }

  private void authenticate(HttpExchange exchange) {
    authenticator.authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
  }

  private static ApiException invalidMethod(String method, String path) {
    return ApiError.INVALID_METHOD.exception("no such API: " + method + " " + path);
  }

  private static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> query = new HashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      query.putIfAbsent(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return query;
  }

  private static String readBody(HttpExchange exchange) throws IOException {
    byte[] bytes = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private void record(HttpExchange exchange, String body) {
    Map<String, List<String>> headers = new HashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    String query = exchange.getRequestURI().getRawQuery();
    log.add(
        new RecordedRequest(
            clock.instant(),
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            query == null ? "" : query,
            headers,
            body));
  }

  private static void respond(
      HttpExchange exchange, int status, ObjectNode envelope, Map<String, String> headers)
      throws IOException {
    byte[] bytes = Json.bytes(envelope);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    headers.forEach(exchange.getResponseHeaders()::set);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
