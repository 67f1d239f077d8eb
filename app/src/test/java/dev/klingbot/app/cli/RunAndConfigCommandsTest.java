package dev.klingbot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunAndConfigCommandsTest {
  @TempDir Path dir;

  private String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = KlingbotCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new String[] {Integer.toString(exit), out.toString(), err.toString()};
  }

  @Test
  void runWithoutAnyChatTokenSaysWhatToSetAndExitsWithTheConfigCode() throws Exception {
    Path config = dir.resolve("klingbot.yml");
    Files.writeString(config, "kling:\n  api-token: abc\n");

    String[] result = run("run", "--config", config.toString());

    assertThat(result[0]).isEqualTo("78");
    assertThat(result[2])
        .contains("nothing to run")
        .contains("DISCORD_TOKEN")
        .contains("SLACK_BOT_TOKEN")
        .contains("console --simulate");
    assertThat(result[2].lines().count()).isEqualTo(1);
  }

  @Test
  void configPrintsEveryGroupWithSecretsMasked() throws Exception {
    Path config = dir.resolve("klingbot.yml");
    Files.writeString(
        config,
        "kling:\n  api-token: very-secret-token\ndiscord:\n  token: discord-secret\nhttp:\n  port: 9000\n");

    String[] result = run("config", "--config", config.toString());

    assertThat(result[0]).isEqualTo("0");
    assertThat(result[1])
        .contains("# file: " + config)
        .contains("api-token: '********'")
        .contains("port: 9000")
        .contains("slack:")
        .doesNotContain("very-secret-token")
        .doesNotContain("discord-secret");
  }

  @Test
  void aBadValueStopsWithOneLineNamingTheKey() throws Exception {
    Path config = dir.resolve("klingbot.yml");
    Files.writeString(config, "jobs:\n  worker-threads: 500\n");

    String[] result = run("config", "--config", config.toString());

    assertThat(result[0]).isEqualTo("78");
    assertThat(result[2].strip())
        .isEqualTo("klingbot: configuration error: jobs.worker-threads is 500; allowed: 1 to 64");
  }
}
