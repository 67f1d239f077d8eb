package dev.klingbot.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Injector;
import dev.klingbot.app.http.AppHttpServer;
import dev.klingbot.config.ConfigException;
import dev.klingbot.config.KlingbotConfig;
import dev.klingbot.core.workflow.EditService;
import dev.klingbot.core.workflow.JobRunner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds the whole app from a test configuration, as {@code klingbot console --simulate} does. */
class InjectorSmokeTest {
  @TempDir Path dir;

  private KlingbotConfig config() {
    return TestConfigs.inFolder(dir, "media");
  }

  @Test
  void theWholeAppStartsAgainstTheSimulatorAndServesItsRoutes() throws Exception {
    try (Lifecycle lifecycle = new Lifecycle()) {
      KlingbotConfig simulated =
          Simulation.start(config(), Duration.ofSeconds(1), lifecycle).config();
      Injector injector = Injection.create(simulated, AppOptions.local(), lifecycle);

      AppHttpServer server = Injection.get(injector, HttpService.class).start();

      assertThat(Injection.get(injector, EditService.class))
          .isSameAs(Injection.get(injector, EditService.class));
      assertThat(Injection.get(injector, JobRunner.class))
          .isSameAs(Injection.get(injector, JobRunner.class));
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + server.port();
      assertThat(
              http.send(
                      HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body())
          .isEqualTo("ok\n");
      assertThat(
              http.send(
                      HttpRequest.newBuilder(URI.create(base + "/media/x/y.mp4?exp=1&sig=x"))
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .statusCode())
          .isEqualTo(403);
      HttpRequest callback =
          HttpRequest.newBuilder(URI.create(base + "/kling/callback/NOSUCH12/token"))
              .POST(HttpRequest.BodyPublishers.ofString("{}"))
              .build();
      assertThat(http.send(callback, HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(404);
    }
  }

  @Test
  void withoutKlingCredentialsStartupNamesTheSettingToFix() {
    try (Lifecycle lifecycle = new Lifecycle()) {
      Injector injector = Injection.create(config(), AppOptions.local(), lifecycle);

      assertThatThrownBy(() -> Injection.get(injector, EditService.class))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("KLING_API_TOKEN")
          .hasMessageContaining("--simulate");
    }
  }
}
