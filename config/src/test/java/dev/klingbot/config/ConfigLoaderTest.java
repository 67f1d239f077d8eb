package dev.klingbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final Path EXAMPLE = Path.of("..", "klingbot.example.yml");

  private final ConfigLoader loader = new ConfigLoader();

  @Test
  void defaultsNeedNoFileAndNoEnvironment() {
    KlingbotConfig config = loader.parse("", Map.of());

    assertThat(config).isEqualTo(KlingbotConfig.defaults());
    assertThat(config.kling().baseUrl()).isEqualTo("https://api-singapore.klingai.com");
    assertThat(config.database().url()).isEqualTo("jdbc:h2:file:./data/klingbot");
    assertThat(config.quota().costs().of(false, false)).isEqualTo(1);
    assertThat(config.quota().costs().of(false, true)).isEqualTo(2);
    assertThat(config.quota().costs().of(true, false)).isEqualTo(2);
    assertThat(config.quota().costs().of(true, true)).isEqualTo(4);
    assertThat(config.jobs().sessionTtl()).isEqualTo(Duration.ofHours(24));
    assertThat(config.discord().enabled()).isFalse();
    assertThat(config.slack().enabled()).isFalse();
  }

  @Test
  void exampleFileListsEveryKeyWithItsDefault() throws IOException {
    JsonNode example = new YAMLMapper().readTree(EXAMPLE.toFile());
    List<String> documented = EnvironmentOverrides.leafKeys(example);

    assertThat(documented)
        .containsExactlyInAnyOrderElementsOf(EnvironmentOverrides.leafKeys(loader.defaultsTree()));
    assertThat(loader.load(EXAMPLE, Map.of()).config()).isEqualTo(KlingbotConfig.defaults());
  }

  @Test
  void everyKeyCanBeSetFromItsGenericVariable() {
    Map<String, String> env =
        Map.of(
            "KLINGBOT_HTTP_PORT", "9090",
            "KLINGBOT_QUOTA_DEFAULTS_DAILY_UNITS", "50",
            "KLINGBOT_QUOTA_DEFAULTS_ALLOW_PRO", "false",
            "KLINGBOT_QUOTA_COSTS_PRO_10S", "6",
            "KLINGBOT_JOBS_POLL_MAX_INTERVAL", "2m",
            "KLINGBOT_MEDIA_MAX_VIDEO_SIZE", "1GB",
            "KLINGBOT_SLACK_ADMIN_USER_IDS", "U1, U2");

    KlingbotConfig config = loader.parse("", env);

    assertThat(config.http().port()).isEqualTo(9090);
    assertThat(config.quota().defaults().dailyUnits()).isEqualTo(50);
    assertThat(config.quota().defaults().allowPro()).isFalse();
    assertThat(config.quota().costs().pro10s()).isEqualTo(6);
    assertThat(config.jobs().pollMaxInterval()).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.media().maxVideoSize().bytes()).isEqualTo(1L << 30);
    assertThat(config.slack().adminUserIds()).containsExactly("U1", "U2");
  }

  @Test
  void shortNamesSetTheCommonKeysAndOverrideTheFile() {
    Map<String, String> env =
        Map.of(
            "KLING_BASE_URL", "https://gateway.example/kling/",
            "KLING_API_TOKEN", "tok-123",
            "DISCORD_TOKEN", "discord-secret",
            "KLINGBOT_PUBLIC_BASE_URL", "https://bot.example.com");

    KlingbotConfig config = loader.parse("kling:\n  base-url: https://other.example\n", env);

    assertThat(config.kling().baseUrl()).isEqualTo("https://gateway.example/kling");
    assertThat(config.kling().apiToken().reveal()).isEqualTo("tok-123");
    assertThat(config.discord().enabled()).isTrue();
    assertThat(config.http().publicBaseUrl()).isEqualTo("https://bot.example.com");
  }

  @Test
  void fileValuesOverrideDefaults(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("klingbot.yml");
    Files.writeString(
        file,
        """
        database:
          url: jdbc:postgresql://127.0.0.1:5432/test
        quota:
          defaults:
            time-zone: Asia/Shanghai
        """);

    ConfigLoader.Loaded loaded = loader.load(file, Map.of("KLINGBOT_JOBS_WORKER_THREADS", "8"));

    assertThat(loaded.file()).contains(file);
    assertThat(loaded.config().database().isPostgres()).isTrue();
    assertThat(loaded.config().quota().defaults().timeZone()).isEqualTo("Asia/Shanghai");
    assertThat(loaded.config().jobs().workerThreads()).isEqualTo(8);
    assertThat(loaded.fromEnvironment())
        .containsEntry("jobs.worker-threads", "KLINGBOT_JOBS_WORKER_THREADS");
  }

  @Test
  void badValuesNameTheKeyAndWhatIsAllowed() {
    assertProblem("http:\n  port: 70000\n", "http.port is 70000; allowed: 0 to 65535");
    assertProblem(
        "kling:\n  base-url: ftp://x\n",
        "kling.base-url is 'ftp://x'; allowed: an http:// or https:// URL");
    assertProblem("jobs:\n  poll-max-interval: soon\n", "jobs.poll-max-interval");
    assertProblem("jobs:\n  poll-max-interval: soon\n", "'soon' is not a duration");
    assertProblem(
        "quota:\n  defaults:\n    time-zone: Mars/Base\n",
        "quota.defaults.time-zone is 'Mars/Base'; allowed: a time zone id");
    assertProblem("quota:\n  costs:\n    std-5s: lots\n", "quota.costs.std-5s");
    assertProblem(
        "slack:\n  mode: carrier-pigeon\n",
        "slack.mode is 'carrier-pigeon'; allowed: http, socket");
    assertProblem("database:\n  url: jdbc:mysql://x\n", "database.url is 'jdbc:mysql://x'");
    assertProblem("media:\n  max-video-size: huge\n", "media.max-video-size");
    assertProblem("kling:\n  tokn: abc\n", "kling.tokn is not a known setting; known keys here:");
    assertProblem("kling: 5\n", "kling must be a group of keys");
    assertProblem("kling:\n  access-key: ak\n", "kling.secret-key is empty");
    assertProblem("kling: [unclosed\n", "not valid");
  }

  @Test
  void badEnvironmentValuesNameTheKeyToo() {
    assertThatThrownBy(() -> loader.parse("", Map.of("PORT", "eighty")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("http.port");
    assertThatThrownBy(() -> loader.parse("", Map.of("SLACK_BOT_TOKEN", "xoxb-1")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("slack.app-token is empty");
  }

  @Test
  void missingExplicitFileIsReported(@TempDir Path dir) {
    assertThatThrownBy(() -> loader.load(dir.resolve("nope.yml"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("nope.yml does not exist");
  }

  @Test
  void printedConfigurationMasksEverySecret() {
    Map<String, String> env =
        Map.of(
            "KLING_API_TOKEN", "kling-token-value",
            "DISCORD_TOKEN", "discord-token-value",
            "SLACK_BOT_TOKEN", "xoxb-fake1",
            "SLACK_APP_TOKEN", "xapp-fake1",
            "KLINGBOT_DATABASE_PASSWORD", "db-password-value",
            "KLING_WEBHOOK_SECRET", "whsec_webhook");
    KlingbotConfig config = loader.parse("", env);

    String printed = new ConfigPrinter().toYaml(config);

    assertThat(printed).contains("api-token: '" + Secret.MASK + "'").contains("base-url:");
    for (String secret : env.values()) {
      assertThat(printed).doesNotContain(secret);
      assertThat(config.toString()).doesNotContain(secret);
    }
  }

  private void assertProblem(String yaml, String expected) {
    assertThatThrownBy(() -> loader.parse(yaml, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(expected)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void aPasswordInsideTheDatabaseUrlIsMaskedWhenPrinted() {
    List<String> urls =
        List.of(
            "jdbc:postgresql://db.internal:5432/klingbot?user=bot&password=Pw1-url&ssl=true",
            "jdbc:postgresql://bot:Pw1-userinfo@db.internal:5432/klingbot",
            "jdbc:postgresql://db.internal/klingbot?sslpassword=Pw1-ssl",
            "jdbc:h2:file:./data/klingbot;USER=sa;PASSWORD=Pw1-h2;MODE=PostgreSQL",
            "jdbc:h2:file:./data/klingbot;password=Pw1-h2lower");
    for (String url : urls) {
      KlingbotConfig config = loader.parse("", Map.of("DATABASE_URL", url));

      String printed = new ConfigPrinter().toYaml(config);

      assertThat(config.database().url()).isEqualTo(url);
      assertThat(printed).doesNotContain("Pw1-").contains(Secret.MASK);
      assertThat(config.toString()).doesNotContain("Pw1-");
      assertThat(config.database().maskedUrl()).doesNotContain("Pw1-").contains("klingbot");
    }
    assertThat(DatabaseConfig.mask("jdbc:postgresql://bot:p@ss@db:5432/k?password=x"))
        .isEqualTo("jdbc:postgresql://bot:********@db:5432/k?password=********");
  }

  @Test
  void aRefusedDatabaseUrlIsReportedWithoutItsPassword() {
    assertThatThrownBy(
            () -> loader.parse("", Map.of("DATABASE_URL", "postgres://bot:heroku-secret@db/k")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("database.url")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("heroku-secret"));
  }

  @Test
  void httpLimitsHaveDefaultsAndAreValidated() {
    KlingbotConfig config =
        loader.parse(
            "http:\n  header-timeout: 5s\n  idle-timeout: 1m\n  max-request-size: 2MB\n",
            Map.of("KLINGBOT_MEDIA_ALLOW_PRIVATE_URLS", "true"));

    assertThat(config.http().headerTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.http().idleTimeout()).isEqualTo(Duration.ofMinutes(1));
    assertThat(config.http().maxRequestSize()).isEqualTo(DataSize.ofMegabytes(2));
    assertThat(config.media().allowPrivateUrls()).isTrue();
    assertThat(KlingbotConfig.defaults().media().allowPrivateUrls()).isFalse();
    assertThat(KlingbotConfig.defaults().http().idleTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertProblem("http:\n  idle-timeout: 1h\n", "http.idle-timeout is 1h; allowed: 100ms to 10m");
    assertProblem("http:\n  header-timeout: 0s\n", "http.header-timeout");
    assertProblem("http:\n  max-request-size: 100\n", "http.max-request-size");
  }

  @Test
  void startLimitsAndTheDiskBudgetHaveDefaultsAndAreValidated() {
    KlingbotConfig defaults = KlingbotConfig.defaults();
    assertThat(defaults.limits().openEditsPerUser()).isEqualTo(3);
    assertThat(defaults.limits().startsPerUserPerMinute()).isEqualTo(5);
    assertThat(defaults.media().diskBudget()).isEqualTo(DataSize.parse("20GB"));

    KlingbotConfig config =
        loader.parse(
            "limits:\n  open-edits-per-user: 1\nmedia:\n  disk-budget: 500MB\n",
            Map.of("KLINGBOT_LIMITS_STARTS_PER_USER_PER_MINUTE", "2"));

    assertThat(config.limits().openEditsPerUser()).isEqualTo(1);
    assertThat(config.limits().startsPerUserPerMinute()).isEqualTo(2);
    assertThat(config.media().diskBudget()).isEqualTo(DataSize.ofMegabytes(500));
    assertProblem(
        "limits:\n  open-edits-per-user: 0\n",
        "limits.open-edits-per-user is 0; allowed: 1 to 1000");
    assertProblem("limits:\n  starts-per-user-per-minute: -1\n", "starts-per-user-per-minute");
    assertProblem("media:\n  disk-budget: 10KB\n", "media.disk-budget is 10KB; allowed: 1MB");
  }

  @Test
  void theImageLimitCannotExceedKlings() {
    assertThat(loader.parse("media:\n  max-image-size: 10MB\n", Map.of()).media().maxImageSize())
        .isEqualTo(DataSize.ofMegabytes(10));
    assertProblem(
        "media:\n  max-image-size: 20MB\n",
        "media.max-image-size is 20MB; allowed: 1KB to 10MB (Kling refuses larger images)");
  }
}
