package dev.klingbot.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.config.KlingbotConfig;
import dev.klingbot.simulator.KlingSimulator;
import dev.klingbot.simulator.SampleVideos;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --simulate} keeps the simulator's state in the simulated data folder across runs. */
class SimulationTest {
  @TempDir Path dir;

  private KlingbotConfig config() {
    return TestConfigs.inFolder(dir, "data/media");
  }

  @Test
  void aSecondSimulatedRunKnowsTheSessionsOfTheFirst() throws Exception {
    Path clip = SampleVideos.mp4(dir.resolve("clip.mp4"), 1280, 720, 30, 2);
    String sessionId;
    try (Lifecycle lifecycle = new Lifecycle()) {
      KlingSimulator simulator =
          Simulation.start(config(), Duration.ofSeconds(1), lifecycle).simulator();
      assertThat(simulator.options().stateDirectory())
          .hasValue(dir.resolve("data/simulated/kling-simulator").toAbsolutePath());
      HttpResponse<String> init =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              simulator.baseUrl() + "/v1/videos/multi-elements/init-selection"))
                      .header("Authorization", "Bearer " + simulator.options().token())
                      .header("Content-Type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"video_url\":\"" + simulator.publishFile(clip) + "\"}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(init.statusCode()).isEqualTo(200);
      sessionId = simulator.sessions().get(0).sessionId();
    }

    try (Lifecycle lifecycle = new Lifecycle()) {
      KlingSimulator restarted =
          Simulation.start(config(), Duration.ofSeconds(1), lifecycle).simulator();
      assertThat(restarted.sessions()).extracting(s -> s.sessionId()).containsExactly(sessionId);
    }
  }
}
