package dev.klingbot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.simulator.KlingSimulator;
import dev.klingbot.simulator.SampleVideos;
import dev.klingbot.simulator.SimulatorOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A one-shot {@code edit} while another klingbot process has the same database open, and while port
 * 8080 is taken: both work.
 */
class SharedDatabaseCliTest {
  @TempDir Path dir;

  @Test
  void anEditRunsWhileAConsoleInAnotherProcessHasTheDatabaseOpen() throws Exception {
    Path config = TestConfig.write(dir, "");
    Path clip = SampleVideos.mp4(dir.resolve("clip.mp4"), 1280, 720, 30, 5);
    Process console =
        TestConfig.otherProcess("console", "--simulate", "--config", config.toString())
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    Output consoleOut = new Output(console.getInputStream());
    try (OutputStream stdin = console.getOutputStream()) {
      consoleOut.await("Kling Edit Bot console.");

      CommandRun edit = removeTheBall(config, clip.toString(), "--simulate");

      assertThat(edit.exitCode()).as(edit.err()).isZero();
      assertThat(edit.err()).doesNotContain("in use by another klingbot process");
      assertThat(dir.resolve("result.mp4")).exists();
      stdin.write("history\nquit\n".getBytes(StandardCharsets.UTF_8));
    } finally {
      assertThat(console.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(console.exitValue()).as(consoleOut.text()).isZero();
    assertThat(consoleOut.text()).contains("Bye.").doesNotContain("in use by another");
  }

  @Test
  void anEditBindsNoFixedPortUnlessOneIsConfigured() throws Exception {
    try (ServerSocket busy = tryHold(8080);
        KlingSimulator simulator =
            KlingSimulator.start(SimulatorOptions.builder().token("port-token").build())) {
      String video =
          simulator.publishFile(SampleVideos.mp4(dir.resolve("clip.mp4"), 1280, 720, 30, 5));
      Path config =
          TestConfig.write(
              dir,
              "  allow-private-urls: true\nkling:\n  base-url: "
                  + simulator.baseUrl()
                  + "\n  api-token: port-token\n");

      CommandRun edit = removeTheBall(config, video);

      assertThat(edit.exitCode()).as(edit.err()).isZero();
      assertThat(dir.resolve("result.mp4")).exists();
    }
  }

  /** {@code klingbot edit} of {@code video}: the orange ball marked at C4, into result.mp4. */
  private CommandRun removeTheBall(Path config, String video, String... more) {
    return CommandRun.klingbot(
        List.of(
            "edit",
            "--config",
            config.toString(),
            "--video",
            video,
            "--instruction",
            "remove the orange ball",
            "--point",
            "0:C4",
            "--out",
            dir.resolve("result.mp4").toString()),
        more);
  }

  /** Holds the port if it is free (if not, someone else holds it, which proves the same). */
  private static ServerSocket tryHold(int port) throws IOException {
    ServerSocket socket = new ServerSocket();
    try {
      socket.bind(new InetSocketAddress(port));
    } catch (IOException taken) {
      // already in use
    }
    return socket;
  }

  /** Collects a process's output on a thread and waits for text to appear. */
  private static final class Output {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Output(InputStream in) {
      Thread reader =
          new Thread(
              () -> {
                byte[] buffer = new byte[4096];
                try {
                  for (int n; (n = in.read(buffer)) >= 0; ) {
                    synchronized (bytes) {
                      bytes.write(buffer, 0, n);
                    }
                  }
                } catch (IOException e) {
                  // the process ended
                }
              });
      reader.setDaemon(true);
      reader.start();
    }

    String text() {
      synchronized (bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
      }
    }

    void await(String expected) throws InterruptedException {
      Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
      while (Instant.now().isBefore(deadline)) {
        if (text().contains(expected)) {
          return;
        }
        Thread.sleep(100);
      }
      throw new AssertionError("never saw “" + expected + "” in:\n" + text());
    }
  }
}
