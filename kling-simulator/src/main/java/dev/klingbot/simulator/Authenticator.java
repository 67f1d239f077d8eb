package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks {@code Authorization: Bearer <token>}: the configured API key, or, when an access key pair
 * is configured, a JWT signed with it. Missing header is 1001, not {@code Bearer <token>} is 1002,
 * an unknown token is 1000 (JWT problems: see {@link JwtVerifier}).
 */
final class Authenticator {
  private final byte[] token;
  private final Optional<JwtVerifier> jwt;

  Authenticator(String token, Optional<JwtVerifier> jwt) {
    this.token = requireNonNull(token, "token is null").getBytes(StandardCharsets.UTF_8);
    this.jwt = requireNonNull(jwt, "jwt is null");
  }

  void authenticate(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw ApiError.AUTHORIZATION_EMPTY.exception("Authorization header is empty");
    }
    String value = authorization.strip();
    if (!value.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
      throw ApiError.AUTHORIZATION_INVALID.exception(
          "Authorization header is invalid: expected 'Bearer <token>'");
    }
    String presented = value.substring("bearer ".length()).strip();
    if (presented.isEmpty() || presented.contains(" ")) {
      throw ApiError.AUTHORIZATION_INVALID.exception(
          "Authorization header is invalid: expected 'Bearer <token>'");
    }
    if (MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
      return;
    }
    if (jwt.isPresent() && JwtVerifier.looksLikeJwt(presented)) {
      jwt.get().verify(presented);
      return;
    }
    throw ApiError.AUTHENTICATION_FAILED.exception("authentication failed: unknown API key");
  }
}
