package dev.klingbot.kling;

/** Supplies the Bearer token for each call. */
interface TokenSource {
  /** The token to send now. */
  String token();

  /**
   * Drops {@code rejected} if it is still the current token, so the next {@link #token()} signs a
   * fresh one. Returns whether a fresh token can be had (false for static API keys).
   */
  boolean invalidate(String rejected);

  static TokenSource of(KlingCredentials credentials, java.time.Clock clock) {
    if (credentials instanceof BearerTokenCredentials bearer) {
      return new StaticTokenSource(bearer.token());
    }
    AccessKeyCredentials pair = (AccessKeyCredentials) credentials;
    return new JwtTokenSource(pair.accessKey(), pair.secretKey(), clock);
  }
}
