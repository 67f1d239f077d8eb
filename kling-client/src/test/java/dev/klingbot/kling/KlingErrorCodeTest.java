package dev.klingbot.kling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KlingErrorCodeTest {
  @Test
  void mapsEveryDocumentedCode() {
    int[] documented = {
      1000, 1001, 1002, 1003, 1004, 1100, 1101, 1102, 1103, 1200, 1201, 1202, 1203, 1300, 1301,
      1302, 1303, 1304, 5000, 5001, 5002
    };
    for (int code : documented) {
      assertThat(KlingErrorCode.fromApiCode(code).apiCode()).isEqualTo(code);
    }
    assertThat(KlingErrorCode.fromApiCode(4242)).isEqualTo(KlingErrorCode.UNKNOWN);
    assertThat(KlingErrorCode.fromApiCode(-1)).isEqualTo(KlingErrorCode.UNKNOWN);
  }

  @Test
  void retryableOnlyForRateLimitsAndServerErrors() {
    assertThat(
            Arrays.stream(KlingErrorCode.values())
                .filter(KlingTransport::isRetryable)
                .map(KlingErrorCode::apiCode))
        .containsExactlyInAnyOrder(1302, 1303, 5000, 5001, 5002);
  }

  @Test
  void theKindComesFromTheBodyCodeBeforeTheHttpStatus() {
    assertThat(KlingTransport.kind(1102, 429)).isEqualTo(KlingErrorCode.RESOURCE_PACK_EXHAUSTED);
    assertThat(KlingTransport.kind(1302, 429)).isEqualTo(KlingErrorCode.RATE_LIMITED);
    assertThat(KlingTransport.kind(-1, 429)).isEqualTo(KlingErrorCode.RATE_LIMITED);
    assertThat(KlingTransport.kind(-1, 503)).isEqualTo(KlingErrorCode.SERVICE_UNAVAILABLE);
    assertThat(KlingTransport.kind(-1, 500)).isEqualTo(KlingErrorCode.INTERNAL_ERROR);
    assertThat(KlingTransport.kind(-1, 418)).isEqualTo(KlingErrorCode.UNKNOWN);
  }

  @Test
  void everyCodeHasAPlainSentence() {
    for (KlingErrorCode code : KlingErrorCode.values()) {
      assertThat(code.userMessage()).isNotBlank().endsWith(".");
    }
    assertThat(KlingErrorCode.ACCOUNT_IN_ARREARS.userMessage())
        .isEqualTo("The Kling account is out of credit; an admin must top it up.");
    assertThat(KlingErrorCode.POLICY_VIOLATION.userMessage())
        .isEqualTo("Kling refused the content; rephrase the instruction.");
  }
}
