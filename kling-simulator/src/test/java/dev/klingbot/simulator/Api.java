package dev.klingbot.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON client for the simulator's API over real HTTP (JDK HttpClient). */
final class Api {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** One answer: HTTP status, parsed body, headers. */
  record Response(int status, JsonNode body, HttpHeaders headers) {
    int code() {
      return body.path("code").asInt(-1);
    }

    JsonNode data() {
      return body.path("data");
    }

    String message() {
      return body.path("message").asText();
    }

    /** Asserts a refusal: the HTTP status, Kling's code, and words of its message. */
    void assertRefused(int httpStatus, int klingCode, String... words) {
      assertThat(status).isEqualTo(httpStatus);
      assertThat(code()).isEqualTo(klingCode);
      assertThat(message()).contains(words);
    }
  }

  private final String baseUrl;
  private final String authorization;
  private final String userAgent;

  Api(String baseUrl, String authorization) {
    this(baseUrl, authorization, null);
  }

  private Api(String baseUrl, String authorization, String userAgent) {
    this.baseUrl = baseUrl;
    this.authorization = authorization;
    this.userAgent = userAgent;
  }

  /**
   * Starts a simulator for a test class (which closes it after its tests); a failure to start is
   * unchecked, so that the simulator can be a static field.
   */
  static KlingSimulator started(SimulatorOptions options) {
    try {
      return KlingSimulator.start(options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A client of {@code simulator}'s gateway URL with its token. */
  static Api of(KlingSimulator simulator) {
    return new Api(simulator.baseUrl(), "Bearer " + simulator.options().token());
  }

  Api withAuthorization(String authorization) {
    return new Api(baseUrl, authorization, userAgent);
  }

  /** The same client, sending this {@code User-Agent}. */
  Api withUserAgent(String userAgent) {
    return new Api(baseUrl, authorization, userAgent);
  }

  static ObjectNode json() {
    return MAPPER.createObjectNode();
  }

  Response post(String path, Object body) {
    String text;
    try {
      text = body instanceof String s ? s : MAPPER.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(text)));
  }

  Response get(String path) {
    return send(request(path).GET());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    if (userAgent != null) {
      builder.header("User-Agent", userAgent);
    }
    return builder;
  }

  private static Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body =
          response.body().isEmpty() ? MAPPER.createObjectNode() : MAPPER.readTree(response.body());
      return new Response(response.statusCode(), body, response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** GETs an absolute URL as bytes. */
  static HttpResponse<byte[]> download(String url) {
    try {
      return CLIENT.send(
          HttpRequest.newBuilder(URI.create(url)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // --- API shortcuts ---

  /** init-selection with a video URL; returns the answer. */
  Response init(String videoUrl) {
    return post("/v1/videos/multi-elements/init-selection", json().put("video_url", videoUrl));
  }

  /** init-selection that must succeed; returns the session id. */
  String session(String videoUrl) {
    Response response = init(videoUrl);
    if (response.code() != 0 || response.data().path("status").asInt() != 0) {
      throw new AssertionError("init failed: " + response.body());
    }
    return response.data().path("session_id").asText();
  }

  Response addSelection(String sessionId, int frame, double... xy) {
    return selection("add-selection", sessionId, frame, xy);
  }

  Response deleteSelection(String sessionId, int frame, double... xy) {
    return selection("delete-selection", sessionId, frame, xy);
  }

  private Response selection(String action, String sessionId, int frame, double... xy) {
    ObjectNode body = json().put("session_id", sessionId).put("frame_index", frame);
    var points = body.putArray("points");
    for (int i = 0; i < xy.length; i += 2) {
      points.addObject().put("x", xy[i]).put("y", xy[i + 1]);
    }
    return post("/v1/videos/multi-elements/" + action, body);
  }

  /** A removal task body. */
  static ObjectNode removal(String sessionId) {
    return json()
        .put("session_id", sessionId)
        .put("edit_mode", "removal")
        .put("prompt", "Delete the ball from <<<video_1>>>");
  }

  Response create(ObjectNode body) {
    return post("/v1/videos/multi-elements", body);
  }

  /** A task creation that must succeed; returns the task id. */
  String createTask(ObjectNode body) {
    Response response = create(body);
    if (response.code() != 0) {
      throw new AssertionError("create failed: " + response.body());
    }
    return response.data().path("task_id").asText();
  }

  Response task(String id) {
    return get("/v1/videos/multi-elements/" + id);
  }
}
