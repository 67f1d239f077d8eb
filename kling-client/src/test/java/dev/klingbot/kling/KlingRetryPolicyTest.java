package dev.klingbot.kling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class KlingRetryPolicyTest {
  private static final KlingException SERVER_ERROR =
      KlingException.builder(KlingErrorCode.INTERNAL_ERROR, "x").retryable(true).build();
  private static final KlingException PARALLEL_LIMIT =
      KlingException.builder(KlingErrorCode.PARALLEL_TASK_LIMIT, "x").retryable(true).build();

  @Test
  void defaults() {
    KlingRetryPolicy policy = KlingRetryPolicy.defaults();
    assertThat(policy.maxAttempts()).isEqualTo(4);
    assertThat(policy.initialDelay()).isEqualTo(Duration.ofMillis(500));
    assertThat(policy.maxDelay()).isEqualTo(Duration.ofSeconds(8));
    assertThat(policy.jitter()).isEqualTo(0.25);
  }

  @Test
  void backoffDoublesUpToTheCap() {
    KlingRetryPolicy policy = KlingRetryPolicy.defaults().withJitter(0);
    assertThat(policy.delayBeforeRetry(1, SERVER_ERROR, 0.9)).isEqualTo(Duration.ofMillis(500));
    assertThat(policy.delayBeforeRetry(2, SERVER_ERROR, 0.9)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.delayBeforeRetry(3, SERVER_ERROR, 0.9)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.delayBeforeRetry(5, SERVER_ERROR, 0.9)).isEqualTo(Duration.ofSeconds(8));
    assertThat(policy.delayBeforeRetry(60, SERVER_ERROR, 0.9)).isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  void jitterShortensTheDelayByARandomFraction() {
    KlingRetryPolicy policy = KlingRetryPolicy.defaults();
    assertThat(policy.delayBeforeRetry(2, SERVER_ERROR, 0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.delayBeforeRetry(2, SERVER_ERROR, 1)).isEqualTo(Duration.ofMillis(750));
    assertThat(policy.delayBeforeRetry(2, SERVER_ERROR, 0.5)).isEqualTo(Duration.ofMillis(875));
  }

  @Test
  void parallelTaskLimitStartsOneStepLater() {
    KlingRetryPolicy policy = KlingRetryPolicy.defaults().withJitter(0);
    assertThat(policy.delayBeforeRetry(1, PARALLEL_LIMIT, 0)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void retryAfterReplacesTheBackoffUpToAMinute() {
    KlingRetryPolicy policy = KlingRetryPolicy.defaults();
    KlingException asked =
        KlingException.builder(KlingErrorCode.RATE_LIMITED, "x")
            .retryAfter(Duration.ofSeconds(3))
            .build();
    KlingException tooLong =
        KlingException.builder(KlingErrorCode.RATE_LIMITED, "x")
            .retryAfter(Duration.ofHours(1))
            .build();
    assertThat(policy.delayBeforeRetry(1, asked, 0.7)).isEqualTo(Duration.ofSeconds(3));
    assertThat(policy.delayBeforeRetry(1, tooLong, 0.7)).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void refusesSettingsThatCannotWork() {
    assertThatThrownBy(() -> KlingRetryPolicy.defaults().withMaxAttempts(0))
        .hasMessageContaining("use 1 or more");
    assertThatThrownBy(
            () ->
                KlingRetryPolicy.defaults()
                    .withDelays(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessageContaining("make maxDelay at least initialDelay");
    assertThatThrownBy(() -> KlingRetryPolicy.defaults().withJitter(1.5))
        .hasMessageContaining("from 0 to 1");
    assertThat(KlingRetryPolicy.noRetries().maxAttempts()).isEqualTo(1);
  }
}
