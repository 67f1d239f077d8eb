package dev.klingbot.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.klingbot.config.KlingbotConfig;
import dev.klingbot.core.metrics.MeteredKlingClient;
import dev.klingbot.core.metrics.WorkflowMetrics;
import dev.klingbot.core.workflow.WorkflowSettings;
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
      KlingbotConfig config,
      OkHttpClient http,
      Clock clock,
      WorkflowMetrics metrics,
      WorkflowSettings settings) {
    // every Kling call is timed by operation and outcome, and names the process that made it
    return new MeteredKlingClient(
        KlingClients.create(config.kling(), userAgent(http, settings.instanceId()), clock),
        metrics);
  }

  /**
   * The shared client (same connection pool) sending {@code User-Agent: klingbot (<instance id>)},
   * so that Kling's (or a gateway's) logs tell which bot process made a call when several share one
   * account.
   */
  static OkHttpClient userAgent(OkHttpClient http, String instanceId) {
    String agent = "klingbot (" + instanceId + ")";
    return http.newBuilder()
        .addInterceptor(
            chain ->
                chain.proceed(chain.request().newBuilder().header("User-Agent", agent).build()))
        .build();
  }
}
