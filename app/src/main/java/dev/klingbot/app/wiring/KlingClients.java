package dev.klingbot.app.wiring;

import dev.klingbot.config.ConfigException;
import dev.klingbot.config.KlingConfig;
import dev.klingbot.kling.KlingClient;
import dev.klingbot.kling.KlingCredentials;
import dev.klingbot.kling.KlingRetryPolicy;
import dev.klingbot.kling.OkHttpKlingClient;
import java.time.Clock;
import okhttp3.OkHttpClient;

/** The Kling SDK client from the configuration: base URL, credentials, timeouts, retries. */
public final class KlingClients {
  private KlingClients() {}

  /**
   * @throws ConfigException when no credential is configured
   */
  public static KlingClient create(KlingConfig kling, OkHttpClient http, Clock clock) {
    if (!kling.hasCredentials()) {
      throw new ConfigException(
          "kling.api-token",
          "is empty; set KLING_API_TOKEN (or KLING_ACCESS_KEY and KLING_SECRET_KEY), or run with"
              + " --simulate to use the built-in simulator");
    }
    KlingCredentials credentials =
        kling.apiToken() != null
            ? KlingCredentials.bearer(kling.apiToken().reveal())
            : KlingCredentials.accessKey(kling.accessKey().reveal(), kling.secretKey().reveal());
    return OkHttpKlingClient.builder()
        .baseUrl(kling.baseUrl())
        .credentials(credentials)
        .httpClient(http)
        .connectTimeout(kling.connectTimeout())
        .readTimeout(kling.readTimeout())
        .callTimeout(kling.callTimeout())
        .retryPolicy(KlingRetryPolicy.defaults().withMaxAttempts(kling.maxAttempts()))
        .clock(clock)
        .build();
  }
}
