package dev.klingbot.config;

import java.time.Duration;

/**
 * How to reach Kling.
 *
 * @param baseUrl everything before {@code /v1/...}: {@code https://api-singapore.klingai.com} for
 *     the official API, or a gateway's prefix such as {@code https://gateway.example/kling}
 * @param apiToken a static Bearer token (gateways, newer Kling keys)
 * @param accessKey with {@code secretKey}: the official access key pair, signed into a short JWT
 * @param secretKey the secret half of the access key pair
 * @param modelName the model sent with every task
 * @param webhookSecret Kling's {@code whsec_...} webhook secret; when set, signed callbacks are
 *     verified
 */
public record KlingConfig(
    String baseUrl,
    Secret apiToken,
    Secret accessKey,
    Secret secretKey,
    String modelName,
    Duration connectTimeout,
    Duration readTimeout,
    Duration callTimeout,
    int maxAttempts,
    Secret webhookSecret) {

  public static final String OFFICIAL_BASE_URL = "https://api-singapore.klingai.com";

  public KlingConfig {
    baseUrl = Check.httpUrl("base-url", baseUrl);
    if (baseUrl == null) {
      throw new ConfigException("base-url", "is empty; set it, e.g. " + OFFICIAL_BASE_URL);
    }
    modelName = Check.nonBlank("model-name", modelName, "kling-v1-6");
    Check.positive("connect-timeout", connectTimeout);
    Check.positive("read-timeout", readTimeout);
    Check.positive("call-timeout", callTimeout);
    Check.range("max-attempts", maxAttempts, 1, 10);
    if ((accessKey == null) != (secretKey == null)) {
      throw new ConfigException(
          accessKey == null ? "access-key" : "secret-key",
          "is empty; the access key and secret key must be set together (KLING_ACCESS_KEY and"
              + " KLING_SECRET_KEY)");
    }
    if (apiToken != null && accessKey != null) {
      throw new ConfigException(
          "api-token",
          "is set together with access-key; set either an API token or an access key pair, not"
              + " both");
    }
  }

  public static KlingConfig defaults() {
    return new KlingConfig(
        OFFICIAL_BASE_URL,
        null,
        null,
        null,
        "kling-v1-6",
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        Duration.ofSeconds(120),
        4,
        null);
  }

  /** Whether any credential is configured. */
  public boolean hasCredentials() {
    return apiToken != null || accessKey != null;
  }

  /** Copy with other credentials, used by {@code --simulate}. */
  public KlingConfig withEndpoint(String newBaseUrl, Secret token) {
    return new KlingConfig(
        newBaseUrl,
        token,
        null,
        null,
        modelName,
        connectTimeout,
        readTimeout,
        callTimeout,
        maxAttempts,
        webhookSecret);
  }
}
