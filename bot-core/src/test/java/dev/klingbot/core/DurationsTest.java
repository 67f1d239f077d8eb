package dev.klingbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.i18n.Lang;
import dev.klingbot.core.i18n.Messages;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "PT6H, 6 hours",
    "PT1H, 1 hour",
    "PT1H30M, 1 hour 30 minutes",
    "PT90S, 1 minute 30 seconds",
    "PT45S, 45 seconds",
    "PT1S, 1 second",
    "PT5M, 5 minutes",
    "PT24H, 1 day",
    "PT49H, 2 days 1 hour",
    "PT1H0M30S, 1 hour",
    "PT0S, 0 seconds",
    "PT0.2S, 1 second",
  })
  void readsAsPeopleWriteIt(Duration duration, String words) {
    assertThat(Durations.words(duration)).isEqualTo(words);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "PT6H, 6 小时",
    "PT1H30M, 1 小时 30 分钟",
    "PT49H, 2 天 1 小时",
    "PT0S, 0 秒",
  })
  void readInChineseInAChineseScope(Duration duration, String words) {
    try (Messages.Scope zh = Messages.use(Lang.ZH)) {
      assertThat(Durations.words(duration)).isEqualTo(words);
    }
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"PT3H25M, 3 hours", "PT59S, 59 seconds", "P3DT4H, 3 days"})
  void oneUnitRoundsDown(Duration duration, String words) {
    assertThat(Durations.words(duration, 1)).isEqualTo(words);
  }
}
