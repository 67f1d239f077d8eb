package dev.klingbot.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Duration;

/**
 * The app's own HTTP server: Kling callbacks, the media relay, the selection editor page and
 * Slack's HTTP mode.
 *
 * @param host interface to listen on
 * @param port port to listen on; 0 picks any free port
 * @param publicBaseUrl the address at which Kling and users reach this server (e.g. {@code
 *     https://bot.example.com}); without it Kling cannot fetch relayed files or call back, and no
 *     editor link is offered
 * @param signingKey key for signed relay and editor URLs; generated once and stored in the database
 *     when not set
 * @param relayUrlTtl how long a relay URL stays valid
 * @param headerTimeout a new connection that has not sent a whole request head within this is
 *     closed (slow or half-open clients)
 * @param idleTimeout a connection that sends and receives nothing for this long is closed
 * @param maxRequestSize a request body larger than this is refused with 413
 */
public record HttpConfig(
    String host,
    int port,
    String publicBaseUrl,
    Secret signingKey,
    Duration relayUrlTtl,
    Duration headerTimeout,
    Duration idleTimeout,
    DataSize maxRequestSize) {

  /** The longest timeout allowed: longer ones would let idle clients pile up again. */
  static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

  @JsonCreator
  public HttpConfig {
    host = Check.nonBlank("host", host, "0.0.0.0");
    Check.range("port", port, 0, 65535);
    publicBaseUrl = Check.httpUrl("public-base-url", publicBaseUrl);
    Check.positive("relay-url-ttl", relayUrlTtl);
    headerTimeout = timeout("header-timeout", headerTimeout);
    idleTimeout = timeout("idle-timeout", idleTimeout);
    if (maxRequestSize == null
        || maxRequestSize.bytes() < 1024
        || maxRequestSize.bytes() > 64L * 1024 * 1024) {
      throw new ConfigException(
          "max-request-size", "is " + maxRequestSize + "; allowed: 1KB to 64MB");
    }
  }

  /** The server with the default timeouts and request size limit. */
  public HttpConfig(
      String host, int port, String publicBaseUrl, Secret signingKey, Duration relayUrlTtl) {
    this(
        host,
        port,
        publicBaseUrl,
        signingKey,
        relayUrlTtl,
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        DataSize.ofMegabytes(1));
  }

  public static HttpConfig defaults() {
    return new HttpConfig("0.0.0.0", 8080, null, null, Duration.ofHours(48));
  }

  private static Duration timeout(String key, Duration value) {
    Check.positive(key, value);
    if (value.toMillis() < 100 || value.compareTo(MAX_TIMEOUT) > 0) {
      throw new ConfigException(key, "is " + Durations.format(value) + "; allowed: 100ms to 10m");
    }
    return value;
  }
}
