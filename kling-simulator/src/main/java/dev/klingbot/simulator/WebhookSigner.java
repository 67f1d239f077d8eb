package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing: {@code webhook-id}, {@code webhook-timestamp} (epoch seconds) and
 * {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">}, keyed with the base64
 * part of a {@code whsec_...} secret (a secret without the prefix is used as base64 too).
 */
final class WebhookSigner {
  private final byte[] key;
  private final InstantSource wallClock;
  private final Ids dice;

  WebhookSigner(String secret, InstantSource wallClock, Ids dice) {
    requireNonNull(secret, "secret is null");
    String encoded = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
    try {
      this.key = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("webhook secret must be whsec_<base64>", e);
    }
    this.wallClock = requireNonNull(wallClock, "wallClock is null");
    this.dice = requireNonNull(dice, "dice is null");
  }

  /** The three signature headers for {@code body}. */
  Map<String, String> headers(byte[] body) {
    String id = "msg_" + dice.hex(24);
    String timestamp = Long.toString(wallClock.instant().getEpochSecond());
    return Map.of(
        "webhook-id",
        id,
        "webhook-timestamp",
        timestamp,
        "webhook-signature",
        "v1," + sign(id, timestamp, body));
  }

  String sign(String id, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
