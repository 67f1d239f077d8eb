package dev.klingbot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.simulator.KlingSimulator;
import dev.klingbot.simulator.SimulatorOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KlingInitCommandTest {
  @TempDir Path dir;

  @Test
  void initAgainstAnUnreachableVideoUrlSaysWhereAndWhyNotNull() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (KlingSimulator simulator =
        KlingSimulator.start(SimulatorOptions.builder().token("init-token").build())) {
      Path config = dir.resolve("klingbot.yml");
      Files.writeString(
          config,
          "database:\n  url: jdbc:h2:file:"
              + dir.resolve("db/klingbot")
              + "\nmedia:\n  work-dir: "
              + dir.resolve("media")
              + "\nkling:\n  base-url: "
              + simulator.baseUrl()
              + "\n  api-token: init-token\n");
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();

      int exit =
          KlingbotCommand.run(
              new PrintWriter(out, true),
              new PrintWriter(err, true),
              "kling",
              "init",
              "--config",
              config.toString(),
              "--video-url",
              "http://127.0.0.1:" + closedPort + "/clip.mp4");

      assertThat(exit).isEqualTo(1);
      assertThat(err.toString())
          .contains("cannot connect to 127.0.0.1:" + closedPort)
          .contains("connection refused")
          .doesNotContain("null");
    }
  }
}
