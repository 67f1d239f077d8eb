package dev.klingbot.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaTextTest {
  @Test
  void bytesUseBinaryUnits() {
    assertThat(MediaText.bytes(900)).isEqualTo("900 bytes");
    assertThat(MediaText.bytes(1536)).isEqualTo("1.5 KB");
    assertThat(MediaText.bytes(200L << 20)).isEqualTo("200 MB");
    assertThat(MediaText.bytes((200L << 20) + (400L << 10))).isEqualTo("200.4 MB");
    assertThat(MediaText.bytes(2L << 30)).isEqualTo("2.0 GB");
  }

  @Test
  void secondsShowEnoughDecimals() {
    assertThat(MediaText.seconds(12_000)).isEqualTo("12.0 s");
    assertThat(MediaText.seconds(1_500)).isEqualTo("1.5 s");
    assertThat(MediaText.seconds(5_005)).isEqualTo("5.005 s");
    assertThat(MediaText.wholeSeconds(10_000)).isEqualTo("10 s");
  }

  @Test
  void frameRatesDropNeedlessDecimals() {
    assertThat(MediaText.fps(30.0)).isEqualTo("30");
    assertThat(MediaText.fps(30000.0 / 1001)).isEqualTo("29.97");
    assertThat(MediaText.fps(24000.0 / 1001)).isEqualTo("23.976");
  }
}
