package dev.klingbot.config;

import java.time.Duration;

/**
 * The app's own HTTP server: Kling callbacks, the media relay and the selection editor page.
 *
 * @param host interface to listen on
 * @param port port to listen on; 0 picks any free port
 * @param publicBaseUrl the address at which Kling and users reach this server (e.g. {@code
 *     https://bot.example.com}); without it Kling cannot fetch relayed files or call back, and no
 *     editor link is offered
 * @param signingKey key for signed relay and editor URLs; generated once and stored in the database
 *     when not set
 * @param relayUrlTtl how long a relay URL stays valid
 */
public record HttpConfig(
    String host, int port, String publicBaseUrl, Secret signingKey, Duration relayUrlTtl) {

  public HttpConfig {
    host = Check.nonBlank("host", host, "0.0.0.0");
    Check.range("port", port, 0, 65535);
    publicBaseUrl = Check.httpUrl("public-base-url", publicBaseUrl);
    Check.positive("relay-url-ttl", relayUrlTtl);
  }

  public static HttpConfig defaults() {
    return new HttpConfig("0.0.0.0", 8080, null, null, Duration.ofHours(48));
  }
}
