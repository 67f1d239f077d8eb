package dev.klingbot.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.simulator.KlingSimulator;
import dev.klingbot.simulator.SampleVideos;
import dev.klingbot.simulator.SimulatorOptions;
import dev.klingbot.simulator.TaskSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot process is killed (SIGKILL) while Kling processes its task, then started again on the
 * same database: the result is delivered exactly once and no second task is created.
 */
class KillAndRestartTest {
  private static final Pattern EDIT_ID = Pattern.compile("🎬 Edit ([A-Z0-9]{8})");

  @TempDir Path dir;

  @Test
  void aKilledBotDeliversTheResultOnceAfterItStartsAgain() throws Exception {
    try (KlingSimulator simulator =
        KlingSimulator.start(
            SimulatorOptions.builder()
                .token("restart-token")
                .taskProcessingTime(Duration.ofSeconds(8))
                .build())) {
      String video =
          simulator.publishFile(SampleVideos.mp4(dir.resolve("clip.mp4"), 1280, 720, 30, 5));
      Map<String, String> env =
          Map.of(
              "KLING_BASE_URL",
              simulator.baseUrl(),
              "KLING_API_TOKEN",
              "restart-token",
              "DATABASE_URL",
              "jdbc:h2:file:" + dir.resolve("db/klingbot"),
              "KLINGBOT_MEDIA_WORK_DIR",
              dir.resolve("media").toString(),
              "PORT",
              "0");

      Process first = bot(env);
      Output firstOut = Output.of(first.getInputStream());
      try (OutputStream stdin = first.getOutputStream()) {
        stdin.write(
            ("edit " + video + " remove the orange ball\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        String id = await(firstOut, EDIT_ID);
        stdin.write("submit\n".getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        TaskSnapshot task = awaitTaskRunning(simulator);
        assertThat(task.externalTaskId()).contains(id);
        first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertThat(firstOut.text()).doesNotContain("is ready");

        Process second = bot(env);
        Output secondOut = Output.of(second.getInputStream());
        try (OutputStream again = second.getOutputStream()) {
          again.write(("use " + id + "\nwait 90\nstatus\nquit\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String transcript = secondOut.text();
        assertThat(transcript).contains("State: done");
        assertThat(count(transcript, "is ready")).isEqualTo(1);
        assertThat(simulator.requestCount("/v1/videos/multi-elements")).isEqualTo(1);
        assertThat(simulator.tasks()).hasSize(1);
      }
    }
  }

  private Process bot(Map<String, String> env) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    "dev.klingbot.app.Main",
                    "console",
                    "--user",
                    "restart-tester"))
            .directory(dir.toFile())
            .redirectErrorStream(true);
    builder.environment().putAll(env);
    // the clip is served by the simulator on 127.0.0.1, which the bot refuses by default
    builder.environment().put("KLINGBOT_MEDIA_ALLOW_PRIVATE_URLS", "true");
    return builder.start();
  }

  private static TaskSnapshot awaitTaskRunning(KlingSimulator simulator)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      if (!simulator.tasks().isEmpty()) {
        return simulator.tasks().get(0);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the bot never created the task");
  }

  private static String await(Output output, Pattern pattern) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      Matcher matcher = pattern.matcher(output.text());
      if (matcher.find()) {
        return matcher.group(1);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no match for " + pattern + " in: " + output.text());
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }

  /** Collects a process's output in the background. */
  private static final class Output {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    static Output of(InputStream in) {
      Output output = new Output();
      Thread reader =
          new Thread(
              () -> {
                byte[] buffer = new byte[4096];
                try {
                  for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    synchronized (output.bytes) {
                      output.bytes.write(buffer, 0, read);
                    }
                  }
                } catch (IOException ignored) {
                  // the process ended
                }
              });
      reader.setDaemon(true);
      reader.start();
      return output;
    }

    String text() {
      synchronized (bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
      }
    }
  }
}
