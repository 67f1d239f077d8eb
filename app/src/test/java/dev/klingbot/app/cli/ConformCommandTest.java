package dev.klingbot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path folder;

  @Test
  void writesAConformingMp4AndSaysWhatChanged() {
    Path out = folder.resolve("out.mp4");

    CommandRun run =
        CommandRun.of(new ConformCommand(), CliClips.fixable().toString(), out.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(out).exists();
    assertThat(run.out())
        .contains("Wrote " + out, "frame rate 25 → 24 fps", "size 640×360 → 1280×720")
        .contains("Result: MP4, H.264, 3.0 s, 24 fps, 1280×720");

    CommandRun check = CommandRun.of(new CheckVideoCommand(), out.toString());
    assertThat(check.exitCode()).isZero();
  }

  @Test
  void reportsAsJson() throws Exception {
    Path out = folder.resolve("out.mp4");

    CommandRun run =
        CommandRun.of(
            new ConformCommand(), "--json", CliClips.fixable().toString(), out.toString());

    assertThat(run.exitCode()).isZero();
    JsonNode answer = JSON.readTree(run.out());
    assertThat(answer.get("ok").asBoolean()).isTrue();
    assertThat(answer.get("output").asText()).isEqualTo(out.toString());
    assertThat(answer.get("changes")).hasSize(2);
    assertThat(answer.at("/video/fps").asDouble()).isEqualTo(24.0);
    assertThat(answer.at("/video/width").asInt()).isEqualTo(1280);
  }

  @Test
  void copiesAVideoThatIsAlreadyFine() throws Exception {
    Path out = folder.resolve("copy.mp4");

    CommandRun run =
        CommandRun.of(new ConformCommand(), CliClips.valid().toString(), out.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Already meets Kling's rules; copied");
    assertThat(Files.mismatch(CliClips.valid(), out)).isEqualTo(-1);
  }

  @Test
  void refusesWhatCannotBeFixed() {
    Path out = folder.resolve("short.mp4");

    CommandRun run =
        CommandRun.of(new ConformCommand(), CliClips.tooShort().toString(), out.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("cannot conform", "1.0 s", "at least 2 seconds");
    assertThat(out).doesNotExist();
  }

  @Test
  void refusesAsJson() throws Exception {
    CommandRun run =
        CommandRun.of(
            new ConformCommand(),
            "--json",
            CliClips.text().toString(),
            folder.resolve("x.mp4").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode answer = JSON.readTree(run.out());
    assertThat(answer.get("ok").asBoolean()).isFalse();
    assertThat(answer.get("error").asText()).contains("not a video");
  }
}
