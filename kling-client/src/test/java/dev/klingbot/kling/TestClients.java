package dev.klingbot.kling;

import java.time.Duration;
import mockwebserver3.MockWebServer;

/** Clients pointed at a MockWebServer, with tiny retry delays. */
final class TestClients {
  static final String TOKEN = "sk-test-TOKEN-1234567890";
  static final KlingRetryPolicy FAST_RETRIES =
      KlingRetryPolicy.defaults().withDelays(Duration.ofMillis(1), Duration.ofMillis(5));

  private TestClients() {}

  static String baseUrl(MockWebServer server) {
    return server.url("/kling").toString();
  }

  static OkHttpKlingClient.Builder builder(MockWebServer server) {
    return OkHttpKlingClient.builder()
        .baseUrl(baseUrl(server))
        .credentials(KlingCredentials.bearer(TOKEN))
        .retryPolicy(FAST_RETRIES)
        .random(() -> 0.5);
  }

  static OkHttpKlingClient bearer(MockWebServer server) {
    return builder(server).build();
  }
}
