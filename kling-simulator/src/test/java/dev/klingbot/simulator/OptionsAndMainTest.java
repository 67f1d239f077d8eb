package dev.klingbot.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class OptionsAndMainTest {
  @Test
  void defaults() {
    SimulatorOptions options = SimulatorOptions.defaults();
    assertThat(options.token()).isEqualTo("sim-token");
    assertThat(options.accessKey()).isEmpty();
    assertThat(options.bindHost()).isEqualTo("127.0.0.1");
    assertThat(options.port()).isZero();
    assertThat(options.publicBaseUrl()).isEmpty();
    assertThat(options.taskProcessingTime()).isEqualTo(Duration.ofSeconds(8));
    assertThat(options.concurrencyLimit()).isEqualTo(5);
    assertThat(options.sessionTtl()).isEqualTo(Duration.ofHours(24));
    assertThat(options.videoRetention()).isEqualTo(Duration.ofDays(30));
    assertThat(options.clock()).isEqualTo(InstantSource.system());
    assertThat(options.faults()).isEqualTo(FaultSettings.NONE);
    assertThat(options.randomSeed()).isEqualTo(42);
    assertThat(options.workDirectory()).isEmpty();
    assertThat(options.maxVideoBytes()).isEqualTo(200L * 1024 * 1024);
    assertThat(options.webhookSecret()).isEmpty();
    assertThat(options.toBuilder().build()).isEqualTo(options);
  }

  @Test
  void toStringHidesSecrets() {
    SimulatorOptions options =
        SimulatorOptions.builder()
            .token("secret-token")
            .accessKey("ak", "secret-key")
            .webhookSecret("whsec_c2VjcmV0")
            .build();
    assertThat(options.toString())
        .doesNotContain("secret-token", "secret-key", "whsec_c2VjcmV0")
        .contains("ak");
  }

  @Test
  void rejectsBadValues() {
    assertThatThrownBy(() -> SimulatorOptions.builder().port(70000).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SimulatorOptions.builder().concurrencyLimit(-1).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FaultSettings.NONE.withServerErrorRate(1.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SimulatorOptions.builder().taskProcessingTime(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void mainParsesItsOptions() {
    SimulatorOptions options =
        SimulatorMain.parse(
            new String[] {
              "--port",
              "8123",
              "--token",
              "abc",
              "--task-seconds",
              "2.5",
              "--task-fail-rate",
              "0.25",
              "--fail-rate",
              "0.1",
              "--latency-ms",
              "50",
              "--concurrency",
              "0",
              "--out-of-credit",
              "--access-key",
              "ak",
              "--secret-key",
              "sk",
              "--work-dir",
              "/tmp/x",
              "--state-dir",
              "/tmp/state",
              "--seed",
              "7"
            });
    assertThat(options.port()).isEqualTo(8123);
    assertThat(options.token()).isEqualTo("abc");
    assertThat(options.taskProcessingTime()).isEqualTo(Duration.ofMillis(2500));
    assertThat(options.faults())
        .isEqualTo(new FaultSettings(0.1, 0, Duration.ofMillis(50), 0.25, true));
    assertThat(options.concurrencyLimit()).isZero();
    assertThat(options.accessKey()).hasValue(new SimulatorOptions.AccessKey("ak", "sk"));
    assertThat(options.workDirectory()).hasValue(Path.of("/tmp/x"));
    assertThat(options.stateDirectory()).hasValue(Path.of("/tmp/state"));
    assertThat(options.randomSeed()).isEqualTo(7);
    assertThat(SimulatorMain.parse(new String[] {"--help"})).isNull();
    assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--bogus", "1"}))
        .hasMessageContaining("unknown option");
    assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--port"}))
        .hasMessageContaining("missing value");
  }

  @Test
  void byteRangesFollowRfc9110() throws Exception {
    assertThat(ByteRange.parse("bytes=0-9", 100)).hasValue(new ByteRange(0, 9));
    assertThat(ByteRange.parse("bytes=90-", 100)).hasValue(new ByteRange(90, 99));
    assertThat(ByteRange.parse("bytes=-10", 100)).hasValue(new ByteRange(90, 99));
    assertThat(ByteRange.parse("bytes=50-500", 100)).hasValue(new ByteRange(50, 99));
    assertThat(ByteRange.parse("bytes=0-1,5-6", 100)).isEmpty();
    assertThat(ByteRange.parse("items=0-1", 100)).isEmpty();
    assertThat(ByteRange.parse(null, 100)).isEmpty();
    assertThatThrownBy(() -> ByteRange.parse("bytes=100-", 100))
        .isInstanceOf(ByteRange.UnsatisfiableException.class);
  }
}
