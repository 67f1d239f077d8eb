package dev.klingbot.kling;

import static java.util.Objects.requireNonNull;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Signs Kling JWTs from an access key pair: header {@code {"alg":"HS256","typ":"JWT"}}, claims
 * {@code iss} = access key, {@code exp} = now + 30 min, {@code nbf} = now - 5 s. The token is
 * cached and signed again when less than 5 minutes remain, or after Kling rejected it.
 */
final class JwtTokenSource implements TokenSource {
  static final Duration LIFETIME = Duration.ofSeconds(1800);
  static final Duration NOT_BEFORE_SKEW = Duration.ofSeconds(5);
  static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(5);

  private final String accessKey;
  private final Algorithm algorithm;
  private final Clock clock;
  private String token;
  private Instant expiresAt;

  JwtTokenSource(String accessKey, String secretKey, Clock clock) {
    this.accessKey = requireNonNull(accessKey, "accessKey is null");
    this.algorithm = Algorithm.HMAC256(requireNonNull(secretKey, "secretKey is null"));
    this.clock = requireNonNull(clock, "clock is null");
  }

  @Override
  public synchronized String token() {
    Instant now = clock.instant();
    if (token == null || !now.isBefore(expiresAt.minus(RENEW_BEFORE_EXPIRY))) {
      Instant issuedAt = Instant.ofEpochSecond(now.getEpochSecond());
      expiresAt = issuedAt.plus(LIFETIME);
      token =
          JWT.create()
              .withHeader(Map.of("typ", "JWT"))
              .withIssuer(accessKey)
              .withExpiresAt(expiresAt)
              .withNotBefore(issuedAt.minus(NOT_BEFORE_SKEW))
              .sign(algorithm);
    }
    return token;
  }

  @Override
  public synchronized boolean invalidate(String rejected) {
    if (rejected != null && rejected.equals(token)) {
      token = null;
    }
    return true;
  }

  @Override
  public String toString() {
    return "JwtTokenSource[iss=***]";
  }
}
