package dev.klingbot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OneShotPortCliTest {
  @TempDir Path dir;

  private int port(String yaml, Map<String, String> environment) throws Exception {
    Path file = Files.writeString(dir.resolve("klingbot.yml"), yaml);
    return OneShotPort.apply(new ConfigLoader().load(file, environment)).http().port();
  }

  @Test
  void withoutAConfiguredPortTheEditTakesAnyFreePort() throws Exception {
    assertThat(port("kling:\n  api-token: t\n", Map.of())).isZero();
  }

  @Test
  void aCopyOfTheExampleFileWithTheDefaultPortDoesNotFixThePort() throws Exception {
    assertThat(port("http:\n  port: 8080\n", Map.of())).isZero();
  }

  @Test
  void anExplicitPortIsKept() throws Exception {
    assertThat(port("http:\n  port: 9000\n", Map.of())).isEqualTo(9000);
    assertThat(port("", Map.of("PORT", "8080"))).isEqualTo(8080);
    assertThat(port("http:\n  public-base-url: https://bot.example.com\n", Map.of()))
        .isEqualTo(8080);
  }
}
