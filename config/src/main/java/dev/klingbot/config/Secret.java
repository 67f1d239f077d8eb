package dev.klingbot.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A token, key or password. Its {@link #toString()} and its JSON/YAML form are always masked, so a
 * secret printed by accident (a log line, {@code ./klingbot config}, an exception) shows nothing.
 * Only {@link #reveal()} gives the value, and only code that sends it somewhere should call it.
 */
public final class Secret {
  static final String MASK = "********";

  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "value is null");
  }

  /** Wraps a value; blank values count as "not set" and give {@code null}. */
  @JsonCreator
  public static Secret of(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return new Secret(value.strip());
  }

  /** The real value. Never log it or put it in a message. */
  public String reveal() {
    return value;
  }

  /** The masked form, used when configuration is printed. */
  @JsonValue
  public String masked() {
    return MASK;
  }

  @Override
  public String toString() {
    return MASK;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret secret
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), secret.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
