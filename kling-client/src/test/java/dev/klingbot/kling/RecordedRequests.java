package dev.klingbot.kling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import mockwebserver3.RecordedRequest;

/** Assertions on requests MockWebServer recorded. */
final class RecordedRequests {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RecordedRequests() {}

  static String body(RecordedRequest request) {
    return request.getBody() == null ? "" : request.getBody().utf8();
  }

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void assertPost(RecordedRequest request, String path, String expectedJson) {
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo(path);
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestClients.TOKEN);
    assertThat(request.getHeaders().get("Content-Type"))
        .isEqualTo("application/json; charset=utf-8");
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(json(body(request))).isEqualTo(json(expectedJson));
  }

  static void assertGet(RecordedRequest request, String path) {
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo(path);
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestClients.TOKEN);
    assertThat(request.getHeaders().get("Content-Type")).isNull();
    assertThat(body(request)).isEmpty();
  }
}
