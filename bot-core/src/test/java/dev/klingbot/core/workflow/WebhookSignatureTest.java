package dev.klingbot.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  private static final String SECRET =
      "whsec_"
          + Base64.getEncoder()
              .encodeToString("a-very-secret-key-123".getBytes(StandardCharsets.UTF_8));
  private static final byte[] BODY =
      "{\"task_id\":\"t1\",\"task_status\":\"succeed\"}".getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.ofEpochSecond(1_790_000_000L);

  private final WebhookSignature signature = new WebhookSignature(SECRET);

  @Test
  void acceptsAValidSignatureAmongSeveral() {
    String valid = signature.sign("msg_1", "1790000000", BODY);

    assertThat(signature.verify("msg_1", "1790000000", "v1,bm9wZQ== v1," + valid, BODY, NOW))
        .isTrue();
  }

  @Test
  void refusesForgedChangedOrStaleRequests() {
    String valid = signature.sign("msg_1", "1790000000", BODY);
    byte[] changed =
        "{\"task_id\":\"t1\",\"task_status\":\"failed\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(signature.verify("msg_1", "1790000000", "v1," + valid, changed, NOW)).isFalse();
    assertThat(signature.verify("msg_2", "1790000000", "v1," + valid, BODY, NOW)).isFalse();
    assertThat(
            signature.verify(
                "msg_1",
                "1790000000",
                "v1," + new WebhookSignature("whsec_b3RoZXI=").sign("msg_1", "1790000000", BODY),
                BODY,
                NOW))
        .isFalse();
    assertThat(signature.verify("msg_1", "1790000000", "v1," + valid, BODY, NOW.plusSeconds(301)))
        .isFalse();
    assertThat(signature.verify("msg_1", "1790000000", "v2," + valid, BODY, NOW)).isFalse();
    assertThat(signature.verify("msg_1", "soon", "v1," + valid, BODY, NOW)).isFalse();
    assertThat(signature.verify(null, "1790000000", "v1," + valid, BODY, NOW)).isFalse();
  }
}
