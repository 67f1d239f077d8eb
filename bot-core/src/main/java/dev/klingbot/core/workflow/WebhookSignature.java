package dev.klingbot.core.workflow;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures ({@code webhook-id}, {@code webhook-timestamp}, {@code
 * webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">}), as Kling uses when a webhook
 * secret ({@code whsec_...}) is set in its console. Timestamps more than 5 minutes off are refused,
 * so a recorded request cannot be replayed later.
 */
public final class WebhookSignature {
  static final Duration TOLERANCE = Duration.ofMinutes(5);

  private final byte[] key;

  public WebhookSignature(String secret) {
    String encoded = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      decoded = encoded.getBytes(StandardCharsets.UTF_8);
    }
    this.key = decoded;
  }

  /** Whether the headers carry a valid signature of {@code body} made within the tolerance. */
  public boolean verify(
      String id, String timestamp, String signatureHeader, byte[] body, Instant now) {
    if (id == null
        || timestamp == null
        || signatureHeader == null
        || !timestamp.matches("\\d{1,12}")) {
      return false;
    }
    Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
    if (Duration.between(sent, now).abs().compareTo(TOLERANCE) > 0) {
      return false;
    }
    byte[] expected = sign(id, timestamp, body).getBytes(StandardCharsets.US_ASCII);
    for (String part : signatureHeader.trim().split("\\s+")) {
      int comma = part.indexOf(',');
      if (comma > 0 && part.substring(0, comma).equals("v1")) {
        byte[] given = part.substring(comma + 1).getBytes(StandardCharsets.US_ASCII);
        if (MessageDigest.isEqual(expected, given)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The base64 signature of a message (used by tests and the simulator's counterpart). */
  public String sign(String id, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
