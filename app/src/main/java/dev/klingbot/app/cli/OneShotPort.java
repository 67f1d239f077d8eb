package dev.klingbot.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.klingbot.config.ConfigLoader;
import dev.klingbot.config.HttpConfig;
import dev.klingbot.config.KlingbotConfig;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A one-shot command ({@code edit}) binds no fixed port unless one is configured: http.port in the
 * file, or PORT / KLINGBOT_HTTP_PORT in the environment, or a public-base-url (which tells where
 * Kling reaches this server, so its port must stay). Otherwise its HTTP server takes any free port,
 * so several can run at once, and next to {@code run} or a console.
 */
final class OneShotPort {
  private OneShotPort() {}

  static KlingbotConfig apply(ConfigLoader.Loaded loaded) {
    KlingbotConfig config = loaded.config();
    HttpConfig http = config.http();
    if (http.publicBaseUrl() != null
        || loaded.fromEnvironment().containsKey("http.port")
        || loaded.file().map(OneShotPort::namesPort).orElse(false)) {
      return config;
    }
    return config.withHttp(
        new HttpConfig(
            http.host(),
            0,
            http.publicBaseUrl(),
            http.signingKey(),
            http.relayUrlTtl(),
            http.headerTimeout(),
            http.idleTimeout(),
            http.maxRequestSize()));
  }

  private static boolean namesPort(Path file) {
    try {
      JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
      JsonNode port = tree == null ? null : tree.at("/http/port");
      return port != null
          && port.isValueNode()
          && !port.asText().strip().equals(Integer.toString(HttpConfig.defaults().port()));
    } catch (IOException e) {
      return true; // the loader has read it already; keep what it says
    }
  }
}
