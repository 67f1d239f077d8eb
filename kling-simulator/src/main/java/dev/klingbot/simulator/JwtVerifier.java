package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.InstantSource;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies the JWTs Kling clients sign from an access key and secret key: header {@code
 * {"alg":"HS256","typ":"JWT"}}, claims {@code iss} = access key, {@code exp}, {@code nbf}.
 *
 * <p>A token that is not a well-formed HS256 JWT is 1002; a bad signature or another issuer is
 * 1000; {@code exp} at or before now is 1004; {@code nbf} after now is 1003. Times are checked
 * against the wall clock, with no leeway.
 */
final class JwtVerifier {
  private final SimulatorOptions.AccessKey key;
  private final InstantSource wallClock;

  JwtVerifier(SimulatorOptions.AccessKey key, InstantSource wallClock) {
    this.key = requireNonNull(key, "key is null");
    this.wallClock = requireNonNull(wallClock, "wallClock is null");
  }

  /** Whether {@code token} has the shape of a JWT (three dot-separated parts). */
  static boolean looksLikeJwt(String token) {
    return token.chars().filter(c -> c == '.').count() == 2;
  }

  void verify(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
      throw ApiError.AUTHORIZATION_INVALID.exception("Authorization token is not a valid JWT");
    }
    JsonNode header = decodeJson(parts[0]);
    JsonNode claims = decodeJson(parts[1]);
    if (!"HS256".equals(header.path("alg").asText())) {
      throw ApiError.AUTHORIZATION_INVALID.exception("JWT must be signed with HS256");
    }
    byte[] expected = sign(parts[0] + "." + parts[1]);
    byte[] actual;
    try {
      actual = Base64.getUrlDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw ApiError.AUTHORIZATION_INVALID.exception("JWT signature is not base64url");
    }
    if (!MessageDigest.isEqual(expected, actual)) {
      throw ApiError.AUTHENTICATION_FAILED.exception("JWT signature does not verify");
    }
    if (!key.accessKey().equals(claims.path("iss").asText())) {
      throw ApiError.AUTHENTICATION_FAILED.exception("JWT issuer is not a known access key");
    }
    if (!claims.path("exp").isNumber()) {
      throw ApiError.AUTHORIZATION_INVALID.exception("JWT has no numeric exp claim");
    }
    long now = wallClock.instant().getEpochSecond();
    if (claims.path("exp").asLong() <= now) {
      throw ApiError.TOKEN_EXPIRED.exception("JWT has expired");
    }
    if (claims.has("nbf") && claims.path("nbf").asLong() > now) {
      throw ApiError.TOKEN_NOT_YET_VALID.exception("JWT is not valid yet (nbf is in the future)");
    }
  }

  private static JsonNode decodeJson(String part) {
    try {
      JsonNode node = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(part));
      if (node == null || !node.isObject()) {
        throw new IOException("not an object");
      }
      return node;
    } catch (IOException | IllegalArgumentException e) {
      throw ApiError.AUTHORIZATION_INVALID.exception("JWT header or claims are not base64url JSON");
    }
  }

  private byte[] sign(String content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.secretKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(content.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
