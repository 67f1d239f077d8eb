package dev.klingbot.core.relay;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures for URLs that must not be guessable or reusable after they expire: the
 * media relay (files Kling fetches) and the selection editor page.
 */
public final class UrlSigner {
  private final byte[] key;

  public UrlSigner(String key) {
    requireNonNull(key, "key is null");
    if (key.length() < 16) {
      throw new IllegalArgumentException("the signing key must have at least 16 characters");
    }
    this.key = key.getBytes(StandardCharsets.UTF_8);
  }

  /** The signature of {@code purpose:subject:expiry}, URL-safe Base64 without padding. */
  public String sign(String purpose, String subject, Instant expiresAt) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] digest =
          mac.doFinal(
              (purpose + ":" + subject + ":" + expiresAt.getEpochSecond())
                  .getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** Whether {@code signature} is right for the subject and the expiry has not passed. */
  public boolean verify(
      String purpose, String subject, String expiresEpochSeconds, String signature, Instant now) {
    if (expiresEpochSeconds == null
        || signature == null
        || !expiresEpochSeconds.matches("\\d{1,12}")) {
      return false;
    }
    Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(expiresEpochSeconds));
    if (!now.isBefore(expiresAt)) {
      return false;
    }
    byte[] expected = sign(purpose, subject, expiresAt).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
  }
}
