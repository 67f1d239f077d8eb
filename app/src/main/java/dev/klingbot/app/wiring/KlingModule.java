package dev.klingbot.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.klingbot.config.KlingConfig;
import dev.klingbot.config.KlingbotConfig;
import dev.klingbot.kling.KlingClient;
import dev.klingbot.kling.KlingCredentials;
import dev.klingbot.kling.KlingRetryPolicy;
import dev.klingbot.kling.OkHttpKlingClient;
import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;

/** The one shared HTTP client and the Kling SDK built on it. */
public final class KlingModule extends AbstractModule {

  @Provides
  @Singleton
  OkHttpClient httpClient() {
    return new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(60))
        .followRedirects(true)
        .build();
  }

  @Provides
  @Singleton
  KlingClient klingClient(KlingbotConfig config, OkHttpClient http, Clock clock) {
    KlingConfig kling = config.kling();
    if (!kling.hasCredentials()) {
      throw new dev.klingbot.config.ConfigException(
          "kling.api-token",
          "is empty; set KLING_API_TOKEN (or KLING_ACCESS_KEY and KLING_SECRET_KEY), or run with --simulate to use the built-in simulator");
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
