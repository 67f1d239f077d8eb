package dev.klingbot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformCommandSafetyTest {
  @TempDir Path folder;

  private record Run(int exit, String out, String err) {}

  private static Run klingbot(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = KlingbotCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void conformingAFileOntoItselfIsRefusedAndTheSourceIsUntouched() throws Exception {
    Path source = Files.copy(CliClips.fixable(), folder.resolve("clip.mp4"));
    byte[] before = Files.readAllBytes(source);

    Run run = klingbot("conform", source.toString(), folder.resolve("./clip.mp4").toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("same file as IN").contains("clip-conformed.mp4");
    assertThat(run.err().lines().count()).isEqualTo(1);
    assertThat(Files.readAllBytes(source)).isEqualTo(before);
  }

  @Test
  void sayWhatItIsConvertingBeforeItStartsAndKeepsReportingWhileItRuns() {
    Path out = folder.resolve("out.mp4");
    ConformCommand command = new ConformCommand();
    command.tick = Duration.ofMillis(1);

    CommandRun run = CommandRun.of(command, CliClips.fixable().toString(), out.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.err())
        .startsWith("Converting " + CliClips.fixable())
        .contains("frame rate 25 → 24 fps")
        .contains("still converting");
    assertThat(run.out()).contains("Wrote " + out).doesNotContain("sound track dropped");
  }
}
