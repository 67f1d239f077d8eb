package dev.klingbot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.simulator.KlingSimulator;
import dev.klingbot.simulator.SampleVideos;
import dev.klingbot.simulator.SimulatorOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-shot {@code edit}, the {@code kling} commands and the {@code simulator} command as a user
 * runs them.
 */
class EditAndKlingCommandsTest {
  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = KlingbotCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(exit, out.toString(), err.toString());
  }

  private Path config(String klingLines) throws Exception {
    Path file = dir.resolve("klingbot.yml");
    Files.writeString(
        file,
        "database:\n  url: jdbc:h2:file:"
            + dir.resolve("db/klingbot")
            + "\nmedia:\n  work-dir: "
            + dir.resolve("media")
            + "\n"
            + klingLines);
    return file;
  }

  @Test
  void editWritesTheResultFileAndExitsZero() throws Exception {
    Path clip = SampleVideos.mp4(dir.resolve("clip.mp4"), 1280, 720, 30, 5);
    Path out = dir.resolve("out/result.mp4");

    Run result =
        run(
            "edit",
            "--config",
            config("").toString(),
            "--simulate",
            "--video",
            clip.toString(),
            "--instruction",
            "remove the orange ball",
            "--point",
            "0:C4",
            "--point",
            "0:0.35,0.4",
            "--out",
            out.toString());

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.out().strip()).isEqualTo(out.toString());
    assertThat(out).exists();
    assertThat(Files.size(out)).isGreaterThan(10_000);
    assertThat(result.err()).contains("processing").contains("done: Remove “the orange ball”");
  }

  @Test
  void editExplainsWhyItStopsAndExitsOne() throws Exception {
    Path odd = SampleVideos.mp4(dir.resolve("odd.mp4"), 640, 360, 25, 5);
    Path clip = SampleVideos.mp4(dir.resolve("clip.mp4"), 1280, 720, 30, 5);

    Run refused =
        run(
            "edit",
            "--config",
            config("").toString(),
            "--simulate",
            "--video",
            clip.toString(),
            "--instruction",
            "make it better");
    Run needsConform =
        run(
            "edit",
            "--config",
            config("").toString(),
            "--simulate",
            "--video",
            odd.toString(),
            "--instruction",
            "remove the ball");
    Run conformed =
        run(
            "edit",
            "--config",
            config("").toString(),
            "--simulate",
            "--conform",
            "--video",
            odd.toString(),
            "--instruction",
            "remove the ball",
            "--out",
            dir.resolve("fixed.mp4").toString());

    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).contains("make it better").doesNotContain("Exception");
    assertThat(needsConform.exit()).isEqualTo(1);
    assertThat(needsConform.err()).contains("25 fps").contains("--conform");
    assertThat(conformed.exit()).as(conformed.err()).isZero();
    assertThat(dir.resolve("fixed.mp4")).exists();
  }

  @Test
  void klingCommandsPrintKlingsAnswerAsJson() throws Exception {
    try (KlingSimulator simulator =
        KlingSimulator.start(SimulatorOptions.builder().token("cli-token").build())) {
      String video =
          simulator.publishFile(SampleVideos.mp4(dir.resolve("clip.mp4"), 1280, 720, 30, 5));
      String config =
          config("kling:\n  base-url: " + simulator.baseUrl() + "\n  api-token: cli-token\n")
              .toString();

      Run init = run("kling", "init", "--config", config, "--video-url", video);
      assertThat(init.exit()).as(init.err()).isZero();
      assertThat(init.out())
          .contains("\"session_id\"")
          .contains("\"width\" : 1280")
          .contains("\"total_frame\" : 150");
      String session = init.out().replaceAll("(?s).*\"session_id\" : \"([^\"]+)\".*", "$1");

      Run select =
          run(
              "kling",
              "select",
              "--config",
              config,
              "--session",
              session,
              "--frame",
              "0",
              "--point",
              "0.3,0.4");
      assertThat(select.exit()).isZero();
      assertThat(select.out()).contains("\"rle_mask_list\"").contains("\"counts\"");

      Run create =
          run(
              "kling",
              "create",
              "--config",
              config,
              "--session",
              session,
              "--edit-mode",
              "removal",
              "--prompt",
              "Delete the ball from <<<video_1>>>",
              "--external-id",
              "cli-1");
      assertThat(create.exit()).as(create.err()).isZero();
      assertThat(create.out()).contains("\"task_id\"");

      Run task = run("kling", "task", "--config", config, "--external-id", "cli-1");
      assertThat(task.out()).contains("\"external_task_id\" : \"cli-1\"");

      Run bad =
          run(
              "kling",
              "create",
              "--config",
              config,
              "--session",
              session,
              "--edit-mode",
              "swap",
              "--prompt",
              "Swap <<<image_1>>> for <<<video_1>>>");
      assertThat(bad.exit()).isNotZero();
      assertThat(bad.err()).contains("swap").contains("image");

      Run wrongToken =
          run(
              "kling",
              "init",
              "--config",
              config("kling:\n  base-url: " + simulator.baseUrl() + "\n  api-token: wrong\n")
                  .toString(),
              "--video-url",
              video);
      assertThat(wrongToken.exit()).isEqualTo(1);
      assertThat(wrongToken.err()).contains("kling:").doesNotContain("wrong\n");
    }
  }

  @Test
  void theSimulatorCommandServesOnTheGivenPort() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process simulator =
        new ProcessBuilder(
                List.of(
                    javaBin,
                    "-cp",
                    System.getProperty("java.class.path"),
                    "dev.klingbot.app.Main",
                    "simulator",
                    "--port",
                    Integer.toString(port),
                    "--token",
                    "port-token"))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      String banner =
          new String(
              simulator.getInputStream().readNBytes(40), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(banner).startsWith("Kling simulator listening on");
      Path clip = SampleVideos.mp4(dir.resolve("clip.mp4"), 1280, 720, 30, 5);
      try (KlingSimulator files = KlingSimulator.start()) {
        String video = files.publishFile(clip);
        Run init =
            run(
                "kling",
                "init",
                "--config",
                config(
                        "kling:\n  base-url: http://127.0.0.1:"
                            + port
                            + "/kling\n  api-token: port-token\n")
                    .toString(),
                "--video-url",
                video);
        assertThat(init.exit()).as(init.err()).isZero();
        assertThat(init.out()).contains("\"session_id\"");
      }
    } finally {
      simulator.destroy();
      simulator.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
