package dev.klingbot.kling;

/** An API key sent as {@code Authorization: Bearer <token>}; {@code toString()} hides it. */
public record BearerTokenCredentials(String token) implements KlingCredentials {
  public BearerTokenCredentials {
    Validation.requireText(token, "token", "pass the Kling API key");
    if (token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
      throw new IllegalArgumentException(
          "token contains spaces or non-ASCII characters; copy the Kling API key again without"
              + " extra characters");
    }
  }

  @Override
  public String toString() {
    return "BearerTokenCredentials[token=***]";
  }
}
