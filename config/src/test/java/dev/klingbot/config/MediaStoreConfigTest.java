package dev.klingbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MediaStoreConfigTest {
  private final ConfigLoader loader = new ConfigLoader();

  @Test
  void theLocalFolderIsTheDefaultStore() {
    MediaConfig media = loader.parse("", Map.of()).media();

    assertThat(media.store()).isEqualTo("local");
    assertThat(media.usesS3()).isFalse();
    assertThat(media.s3()).isEqualTo(S3Config.defaults());
    assertThat(media.s3().region()).isEqualTo("us-east-1");
    assertThat(media.s3().prefix()).isEqualTo("klingbot/");
    assertThat(media.s3().urlTtl()).isEqualTo(Duration.ofHours(48));
  }

  @Test
  void everyS3KeyMapsFromTheFile() {
    String yaml =
        """
        media:
          store: S3
          s3:
            endpoint: http://127.0.0.1:9000/
            region: auto
            bucket: team-media
            access-key: AKIA-example
            secret-key: very-secret-value
            path-style: true
            prefix: /bots/kling
            url-ttl: 6h
        """;

    MediaConfig media = loader.parse(yaml, Map.of()).media();

    assertThat(media.usesS3()).isTrue();
    S3Config s3 = media.s3();
    assertThat(s3.endpoint()).isEqualTo("http://127.0.0.1:9000");
    assertThat(s3.region()).isEqualTo("auto");
    assertThat(s3.bucket()).isEqualTo("team-media");
    assertThat(s3.accessKey().reveal()).isEqualTo("AKIA-example");
    assertThat(s3.secretKey().reveal()).isEqualTo("very-secret-value");
    assertThat(s3.pathStyle()).isTrue();
    assertThat(s3.prefix()).isEqualTo("bots/kling/");
    assertThat(s3.urlTtl()).isEqualTo(Duration.ofHours(6));
  }

  @Test
  void everyS3KeyMapsFromTheEnvironment() {
    Map<String, String> env =
        Map.of(
            "KLINGBOT_MEDIA_STORE", "s3",
            "KLINGBOT_MEDIA_S3_ENDPOINT", "https://acct.r2.cloudflarestorage.com",
            "KLINGBOT_MEDIA_S3_REGION", "auto",
            "KLINGBOT_MEDIA_S3_BUCKET", "media",
            "KLINGBOT_MEDIA_S3_ACCESS_KEY", "key-id",
            "KLINGBOT_MEDIA_S3_SECRET_KEY", "key-secret",
            "KLINGBOT_MEDIA_S3_PATH_STYLE", "true",
            "KLINGBOT_MEDIA_S3_PREFIX", "shared",
            "KLINGBOT_MEDIA_S3_URL_TTL", "1d");

    S3Config s3 = loader.parse("", env).media().s3();

    assertThat(s3)
        .isEqualTo(
            new S3Config(
                "https://acct.r2.cloudflarestorage.com",
                "auto",
                "media",
                Secret.of("key-id"),
                Secret.of("key-secret"),
                true,
                "shared/",
                Duration.ofDays(1)));
  }

  @Test
  void theKeysAreMaskedWhenTheConfigurationIsPrinted() {
    KlingbotConfig config =
        loader.parse(
            "",
            Map.of(
                "KLINGBOT_MEDIA_STORE", "s3",
                "KLINGBOT_MEDIA_S3_BUCKET", "media",
                "KLINGBOT_MEDIA_S3_ACCESS_KEY", "AKIAEXAMPLEKEYID",
                "KLINGBOT_MEDIA_S3_SECRET_KEY", "wJalrXUtnFEMI-secret"));

    String printed = new ConfigPrinter().toYaml(config);

    assertThat(printed)
        .contains("bucket: media")
        .contains("secret-key: '" + Secret.MASK + "'")
        .contains("access-key: '" + Secret.MASK + "'")
        .doesNotContain("AKIAEXAMPLEKEYID")
        .doesNotContain("wJalrXUtnFEMI-secret");
  }

  @Test
  void refusedValuesSayWhatIsWrongAndHowToFixIt() {
    assertProblem(
        "media:\n  store: s3\n",
        "media.s3.bucket is not set; media.store is s3, so name the bucket");
    assertProblem("media:\n  store: ftp\n", "media.store is 'ftp'; allowed: local, s3");
    assertProblem(
        "media:\n  s3:\n    access-key: only-the-id\n",
        "media.s3.secret-key is not set; set both access-key and secret-key");
    assertProblem("media:\n  s3:\n    url-ttl: 8d\n", "media.s3.url-ttl is 8d; allowed: 1s to 7d");
    assertProblem("media:\n  s3:\n    bucket: My_Bucket\n", "media.s3.bucket is 'My_Bucket'");
    assertProblem("media:\n  s3:\n    endpoint: minio:9000\n", "media.s3.endpoint is 'minio:9000'");
  }

  private void assertProblem(String yaml, String expected) {
    assertThatThrownBy(() -> loader.parse(yaml, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(expected)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
