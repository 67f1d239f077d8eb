package dev.klingbot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.simulator.KlingSimulator;
import dev.klingbot.simulator.SampleVideos;
import dev.klingbot.simulator.SimulatorOptions;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

  private Path config(String klingLines) throws Exception {
    return TestConfig.write(dir, klingLines);
  }

  /** {@code klingbot edit} with the simulator, then {@code more} options. */
  private CommandRun simulatedEdit(Path video, String instruction, String... more)
      throws Exception {
    return CommandRun.klingbot(
        List.of(
            "edit",
            "--config",
            config("").toString(),
            "--simulate",
            "--video",
            video.toString(),
            "--instruction",
            instruction),
        more);
  }

  /** {@code klingbot kling SUBCOMMAND --config CONFIG more...}. */
  private static CommandRun kling(String subcommand, String config, String... more) {
    return CommandRun.klingbot(List.of("kling", subcommand, "--config", config), more);
  }

  /** {@code klingbot kling create} on {@code session}, then {@code more} options. */
  private static CommandRun create(
      String config, String session, String editMode, String prompt, String... more) {
    List<String> args =
        new ArrayList<>(List.of("--session", session, "--edit-mode", editMode, "--prompt", prompt));
    args.addAll(List.of(more));
    return kling("create", config, args.toArray(String[]::new));
  }

  @Test
  void editWritesTheResultFileAndExitsZero() throws Exception {
    Path clip = SampleVideos.mp4(dir.resolve("clip.mp4"), 1280, 720, 30, 5);
    Path out = dir.resolve("out/result.mp4");

    CommandRun result =
        simulatedEdit(
            clip,
            "remove the orange ball",
            "--point",
            "0:C4",
            "--point",
            "0:0.35,0.4",
            "--out",
            out.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out().strip()).isEqualTo(out.toString());
    assertThat(out).exists();
    assertThat(Files.size(out)).isGreaterThan(10_000);
    assertThat(result.err()).contains("processing").contains("done: Remove “the orange ball”");
  }

  @Test
  void editExplainsWhyItStopsAndExitsOne() throws Exception {
    Path odd = SampleVideos.mp4(dir.resolve("odd.mp4"), 640, 360, 25, 5);
    Path clip = SampleVideos.mp4(dir.resolve("clip.mp4"), 1280, 720, 30, 5);

    CommandRun refused = simulatedEdit(clip, "make it better");
    CommandRun needsConform = simulatedEdit(odd, "remove the ball");
    CommandRun conformed =
        simulatedEdit(
            odd, "remove the ball", "--conform", "--out", dir.resolve("fixed.mp4").toString());

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("make it better").doesNotContain("Exception");
    assertThat(needsConform.exitCode()).isEqualTo(1);
    assertThat(needsConform.err()).contains("25 fps").contains("--conform");
    assertThat(conformed.exitCode()).as(conformed.err()).isZero();
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

      CommandRun init = kling("init", config, "--video-url", video);
      assertThat(init.exitCode()).as(init.err()).isZero();
      assertThat(init.out())
          .contains("\"session_id\"")
          .contains("\"width\" : 1280")
          .contains("\"total_frame\" : 150");
      String session = init.out().replaceAll("(?s).*\"session_id\" : \"([^\"]+)\".*", "$1");

      CommandRun select =
          kling("select", config, "--session", session, "--frame", "0", "--point", "0.3,0.4");
      assertThat(select.exitCode()).isZero();
      assertThat(select.out()).contains("\"rle_mask_list\"").contains("\"counts\"");

      CommandRun create =
          create(
              config,
              session,
              "removal",
              "Delete the ball from <<<video_1>>>",
              "--external-id",
              "cli-1");
      assertThat(create.exitCode()).as(create.err()).isZero();
      assertThat(create.out()).contains("\"task_id\"");

      CommandRun task = kling("task", config, "--external-id", "cli-1");
      assertThat(task.out()).contains("\"external_task_id\" : \"cli-1\"");

      CommandRun bad = create(config, session, "swap", "Swap <<<image_1>>> for <<<video_1>>>");
      assertThat(bad.exitCode()).isNotZero();
      assertThat(bad.err()).contains("swap").contains("image");

      CommandRun wrongToken =
          CommandRun.klingbot(
              "kling",
              "init",
              "--config",
              config("kling:\n  base-url: " + simulator.baseUrl() + "\n  api-token: wrong\n")
                  .toString(),
              "--video-url",
              video);
      assertThat(wrongToken.exitCode()).isEqualTo(1);
      assertThat(wrongToken.err()).contains("kling:").doesNotContain("wrong\n");
    }
  }

  @Test
  void theSimulatorCommandServesOnTheGivenPort() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process simulator =
        TestConfig.otherProcess(
                "simulator", "--port", Integer.toString(port), "--token", "port-token")
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
        CommandRun init =
            CommandRun.klingbot(
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
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.out()).contains("\"session_id\"");
      }
    } finally {
      simulator.destroy();
      simulator.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
