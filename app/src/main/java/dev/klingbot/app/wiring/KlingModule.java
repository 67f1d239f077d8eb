package dev.klingbot.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.klingbot.config.KlingbotConfig;
import dev.klingbot.core.metrics.MeteredKlingClient;
import dev.klingbot.core.metrics.WorkflowMetrics;
import dev.klingbot.kling.KlingClient;
import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;

/** The one shared HTTP client and the Kling SDK built on it (metered). */
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
  KlingClient klingClient(
      KlingbotConfig config, OkHttpClient http, Clock clock, WorkflowMetrics metrics) {
    // every Kling call is timed by operation and outcome
    return new MeteredKlingClient(KlingClients.create(config.kling(), http, clock), metrics);
  }
}
