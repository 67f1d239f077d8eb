package dev.klingbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ValuesTest {
  @Test
  void durationsReadTheWayPeopleWriteThem() {
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("24h")).isEqualTo(Duration.ofHours(24));
    assertThat(Durations.parse("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(Durations.parse("45")).isEqualTo(Duration.ofSeconds(45));
    assertThat(Durations.parse("PT2M")).isEqualTo(Duration.ofMinutes(2));
    assertThat(Durations.format(Duration.ofHours(48))).isEqualTo("2d");
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThatThrownBy(() -> Durations.parse("later")).hasMessageContaining("like 500ms, 30s");
  }

  @Test
  void sizesReadInBinaryUnits() {
    assertThat(DataSize.parse("200MB").bytes()).isEqualTo(200L << 20);
    assertThat(DataSize.parse("2GiB").bytes()).isEqualTo(2L << 30);
    assertThat(DataSize.parse("1.5KB").bytes()).isEqualTo(1536);
    assertThat(DataSize.parse("123").bytes()).isEqualTo(123);
    assertThat(DataSize.parse("10MB").toString()).isEqualTo("10MB");
    assertThatThrownBy(() -> DataSize.parse("big")).hasMessageContaining("like 200MB");
  }

  @Test
  void secretsNeverShowTheirValue() {
    Secret secret = Secret.of("hunter2");

    assertThat(secret.toString()).isEqualTo("********");
    assertThat(secret.reveal()).isEqualTo("hunter2");
    assertThat(Secret.of("  ")).isNull();
    assertThat(Secret.of("a")).isEqualTo(Secret.of("a")).isNotEqualTo(Secret.of("b"));
  }
}
