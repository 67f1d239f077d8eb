package dev.klingbot.kling;

/**
 * How the client signs in to Kling: an API key sent as a Bearer token (gateways and Kling's newer
 * keys), or an access key and secret key pair from which the client signs short-lived HS256 JWTs.
 * {@code toString()} never shows a secret.
 */
public sealed interface KlingCredentials permits BearerTokenCredentials, AccessKeyCredentials {

  /** An API key sent as {@code Authorization: Bearer <token>}. */
  static KlingCredentials bearer(String token) {
    return new BearerTokenCredentials(token);
  }

  /** An access key and secret key: the client signs a JWT ({@code iss} = access key) with them. */
  static KlingCredentials accessKey(String accessKey, String secretKey) {
    return new AccessKeyCredentials(accessKey, secretKey);
  }
}
