package dev.klingbot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunAndConfigCommandsTest {
  @TempDir Path dir;

  private Path configFile(String yaml) throws Exception {
    return Files.writeString(dir.resolve("klingbot.yml"), yaml);
  }

  @Test
  void runWithoutAnyChatTokenSaysWhatToSetAndExitsWithTheConfigCode() throws Exception {
    Path config = configFile("kling:\n  api-token: abc\n");

    CommandRun result = CommandRun.klingbot("run", "--config", config.toString());

    assertThat(result.exitCode()).isEqualTo(78);
    assertThat(result.err())
        .contains("nothing to run")
        .contains("DISCORD_TOKEN")
        .contains("SLACK_BOT_TOKEN")
        .contains("console --simulate");
    assertThat(result.err().lines().count()).isEqualTo(1);
  }

  @Test
  void configPrintsEveryGroupWithSecretsMasked() throws Exception {
    Path config =
        configFile(
            "kling:\n  api-token: very-secret-token\ndiscord:\n  token: discord-secret\nhttp:\n  port: 9000\n");

    CommandRun result = CommandRun.klingbot("config", "--config", config.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("# file: " + config)
        .contains("api-token: '********'")
        .contains("port: 9000")
        .contains("slack:")
        .doesNotContain("very-secret-token")
        .doesNotContain("discord-secret");
  }

  @Test
  void aBadValueStopsWithOneLineNamingTheKey() throws Exception {
    Path config = configFile("jobs:\n  worker-threads: 500\n");

    CommandRun result = CommandRun.klingbot("config", "--config", config.toString());

    assertThat(result.exitCode()).isEqualTo(78);
    assertThat(result.err().strip())
        .isEqualTo("klingbot: configuration error: jobs.worker-threads is 500; allowed: 1 to 64");
  }
}
