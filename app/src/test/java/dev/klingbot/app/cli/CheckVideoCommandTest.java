package dev.klingbot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CheckVideoCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aValidVideoExitsZero() {
    CommandRun run = CommandRun.of(new CheckVideoCommand(), CliClips.valid().toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("Container:   MP4", "Codec:       H.264", "Length:      2.0 s (60 frames)")
        .contains("Frame rate:  30 fps", "Size:        1280×720", "Kling output: 5 s")
        .contains("OK: ready for Kling");
  }

  @Test
  void aValidVideoAsJson() throws Exception {
    CommandRun run = CommandRun.of(new CheckVideoCommand(), "--json", CliClips.valid().toString());

    assertThat(run.exitCode()).isZero();
    JsonNode answer = JSON.readTree(run.out());
    assertThat(answer.get("valid").asBoolean()).isTrue();
    assertThat(answer.get("fixable").asBoolean()).isFalse();
    assertThat(answer.at("/video/container").asText()).isEqualTo("mp4");
    assertThat(answer.at("/video/codec").asText()).isEqualTo("h264");
    assertThat(answer.at("/video/duration_ms").asLong()).isEqualTo(2_000);
    assertThat(answer.at("/video/fps").asDouble()).isEqualTo(30.0);
    assertThat(answer.at("/video/width").asInt()).isEqualTo(1280);
    assertThat(answer.at("/video/height").asInt()).isEqualTo(720);
    assertThat(answer.at("/video/frames").asLong()).isEqualTo(60);
    assertThat(answer.at("/video/size_bytes").asLong()).isPositive();
    assertThat(answer.get("output_duration").asInt()).isEqualTo(5);
    assertThat(answer.get("problems")).isEmpty();
    assertThat(answer.get("changes")).isEmpty();
  }

  @Test
  void listsEveryProblemWithItsFix() {
    CommandRun run = CommandRun.of(new CheckVideoCommand(), CliClips.fixable().toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("2 problems:", "25 fps", "640×360", "Fix: The bot can convert it to 24 fps.")
        .contains("`klingbot conform` can fix all of them:")
        .contains("frame rate 25 → 24 fps", "size 640×360 → 1280×720")
        .doesNotContain("OK: ready");
  }

  @Test
  void problemsAsJson() throws Exception {
    CommandRun run =
        CommandRun.of(new CheckVideoCommand(), "--json", CliClips.fixable().toString());

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode answer = JSON.readTree(run.out());
    assertThat(answer.get("valid").asBoolean()).isFalse();
    assertThat(answer.get("fixable").asBoolean()).isTrue();
    assertThat(answer.get("problems")).hasSize(2);
    assertThat(answer.at("/problems/0/kind").asText()).isEqualTo("frame_rate");
    assertThat(answer.at("/problems/0/fixable").asBoolean()).isTrue();
    assertThat(answer.at("/problems/1/kind").asText()).isEqualTo("dimensions");
    assertThat(answer.at("/problems/1/message").asText()).contains("640×360");
    assertThat(answer.get("changes").get(0).asText()).isEqualTo("frame rate 25 → 24 fps");
  }

  @Test
  void saysWhenConformCannotHelp() {
    CommandRun run = CommandRun.of(new CheckVideoCommand(), CliClips.tooShort().toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("1.0 s", "cannot fix");
  }

  @Test
  void somethingThatIsNotAVideoExitsTwo() {
    CommandRun run = CommandRun.of(new CheckVideoCommand(), CliClips.text().toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("This file is not a video").doesNotContain("Exception");
  }

  @Test
  void somethingThatIsNotAVideoAsJson() throws Exception {
    CommandRun run = CommandRun.of(new CheckVideoCommand(), "--json", CliClips.text().toString());

    assertThat(run.exitCode()).isEqualTo(2);
    JsonNode answer = JSON.readTree(run.out());
    assertThat(answer.get("valid").asBoolean()).isFalse();
    assertThat(answer.get("error").asText()).contains("not a video");
  }

  @Test
  void downloadsALinkFirst() throws Exception {
    byte[] video = Files.readAllBytes(CliClips.valid());
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/clip.mp4",
        exchange -> {
          exchange.sendResponseHeaders(200, video.length);
          exchange.getResponseBody().write(video);
          exchange.close();
        });
    server.createContext(
        "/missing.mp4",
        exchange -> {
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      Path config = Files.createTempFile("klingbot-check", ".yml");
      Files.writeString(config, "media:\n  allow-private-urls: true\n");

      CommandRun refused = CommandRun.of(new CheckVideoCommand(), base + "/clip.mp4");
      CommandRun ok =
          CommandRun.of(new CheckVideoCommand(), "--config", config.toString(), base + "/clip.mp4");
      CommandRun missing =
          CommandRun.of(
              new CheckVideoCommand(), "--config", config.toString(), base + "/missing.mp4");
      Files.delete(config);

      assertThat(refused.exitCode()).isEqualTo(2);
      assertThat(refused.err())
          .contains("The link points to a loopback address")
          .contains("media.allow-private-urls");
      assertThat(ok.exitCode()).isZero();
      assertThat(ok.out()).contains("OK: ready for Kling");
      assertThat(missing.exitCode()).isEqualTo(2);
      assertThat(missing.err()).contains("The link answered 404 Not Found.");
    } finally {
      server.stop(0);
    }
  }
}
