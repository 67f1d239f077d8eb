package dev.klingbot.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.inject.Injector;
import dev.klingbot.app.http.AppHttpServer;
import dev.klingbot.config.KlingbotConfig;
import dev.klingbot.config.QuotaConfig;
import dev.klingbot.core.Platform;
import dev.klingbot.core.Requester;
import dev.klingbot.core.chat.ChatPorts;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.store.Database;
import dev.klingbot.core.store.EditStore;
import dev.klingbot.core.testing.RecordingChat;
import dev.klingbot.core.testing.WorkflowFixture;
import dev.klingbot.core.workflow.EditService;
import dev.klingbot.core.workflow.JobRunner;
import dev.klingbot.core.workflow.MediaSource;
import dev.klingbot.core.workflow.StartEdit;
import dev.klingbot.simulator.SampleVideos;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The operator's routes on the whole app (simulated Kling, H2): {@code /healthz}, {@code /readyz}
 * (which fails once the database is gone), and {@code /metrics} after an edit went through.
 */
class OperationsTest {
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path dir;

  @Test
  void metricsShowTheEditKlingCallsDeliveriesUnitsAndPoolAfterASimulatedEdit() throws Exception {
    try (Lifecycle lifecycle = new Lifecycle()) {
      Simulation.Simulated simulated =
          Simulation.start(TestConfigs.inFolder(dir, "media"), Duration.ofSeconds(1), lifecycle);
      KlingbotConfig free = simulated.config(); // the simulation charges nothing; here it does
      KlingbotConfig config =
          free.withQuota(new QuotaConfig(free.quota().defaults(), QuotaConfig.Costs.standard()));
      Injector injector = Injection.create(config, AppOptions.local(), lifecycle);
      AppHttpServer server = Injection.get(injector, HttpService.class).start();
      JobRunner runner = Injection.get(injector, JobRunner.class);
      EditService service = Injection.get(injector, EditService.class);
      RecordingChat chat = new RecordingChat(Platform.DISCORD);
      Injection.get(injector, ChatPorts.class).register(chat);
      runner.follow(Platform.DISCORD);
      Requester alice = WorkflowFixture.requester(Platform.DISCORD, "alice");
      ListAppender<ILoggingEvent> logged = new ListAppender<>();
      logged.start();
      Logger core = (Logger) LoggerFactory.getLogger("dev.klingbot.core");
      core.addAppender(logged);
      String video =
          simulated
              .simulator()
              .publishFile(SampleVideos.mp4(dir.resolve("clip.mp4"), 1280, 720, 30, 5));

      Edit edit =
          service.start(alice, StartEdit.of(MediaSource.Url.of(video), "remove the ball")).edit();
      service.submit(alice, edit.id());
      Instant deadline = Instant.now().plusSeconds(60);
      while (chat.postsContaining("is ready").isEmpty() && Instant.now().isBefore(deadline)) {
        runner.runOnce();
        Thread.sleep(200);
      }
      assertThat(chat.postsContaining("is ready")).hasSize(1);
      core.detachAppender(logged);
      assertThat(logged.list)
          .filteredOn(e -> e.getFormattedMessage().contains("Kling task"))
          .isNotEmpty()
          .allSatisfy(e -> assertThat(e.getMDCPropertyMap()).containsEntry("edit", edit.id()));
      assertThat(logged.list)
          .filteredOn(e -> e.getFormattedMessage().contains(edit.id()))
          .as("every line about the edit carries its id")
          .allSatisfy(e -> assertThat(e.getMDCPropertyMap()).containsEntry("edit", edit.id()));

      HttpResponse<String> metrics = get(server, "/metrics");

      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
      assertThat(metrics.body())
          .containsPattern(
              "klingbot_kling_calls_seconds_count\\{[^}]*operation=\"create_task\",outcome=\"ok\"\\} 1")
          .containsPattern(
              "klingbot_kling_calls_seconds_count\\{[^}]*operation=\"init_selection\",outcome=\"ok\"\\} 1")
          .containsPattern("klingbot_deliveries_total\\{[^}]*outcome=\"delivered\"\\} 1")
          .containsPattern("klingbot_edits\\{[^}]*state=\"succeeded\"\\} 1")
          .containsPattern("klingbot_edits\\{[^}]*state=\"processing\"\\} 0")
          .containsPattern("klingbot_quota_units_spent_total\\{[^}]*\\} 1.0")
          .containsPattern("klingbot_queue_length\\{[^}]*\\} 0")
          .contains("klingbot_queue_wait_seconds_count")
          .contains("klingbot_callbacks_received_total")
          .contains("klingbot_callbacks_verified_total")
          .contains("hikaricp_connections_active")
          .contains("jvm_memory_used_bytes")
          .contains("jvm_threads_live_threads")
          .contains("process_uptime_seconds");
      assertThat(get(server, "/readyz").body()).contains("\"kling\":\"ok\"");
    }
  }

  @Test
  void readinessAnswersWhileTheDatabaseAnswersAndFailsOnceItIsGone() throws Exception {
    try (Lifecycle lifecycle = new Lifecycle()) {
      KlingbotConfig config =
          Simulation.start(TestConfigs.inFolder(dir, "media"), Duration.ofSeconds(1), lifecycle)
              .config();
      Injector injector = Injection.create(config, AppOptions.local(), lifecycle);
      AppHttpServer server = Injection.get(injector, HttpService.class).start();
      Injection.get(injector, EditStore.class);

      HttpResponse<String> alive = get(server, "/healthz");
      HttpResponse<String> ready = get(server, "/readyz");

      assertThat(alive.statusCode()).isEqualTo(200);
      assertThat(alive.body()).isEqualTo("ok\n");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body())
          .isEqualTo(
              "{\"status\":\"ready\",\"database\":\"ok\",\"migrations\":\"ok\",\"kling\":\"unknown\"}\n");

      Injection.get(injector, Database.class).close(); // the database is gone

      HttpResponse<String> down = get(server, "/readyz");
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.body())
          .startsWith(
              "{\"status\":\"not ready\",\"database\":\"unreachable\",\"migrations\":\"unknown\"")
          .contains("\"problem\":\"the database cannot be reached: ");
      assertThat(get(server, "/healthz").statusCode()).as("still alive").isEqualTo(200);
    }
  }

  private HttpResponse<String> get(AppHttpServer server, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
