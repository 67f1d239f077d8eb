package dev.klingbot.kling;

import static java.util.Objects.requireNonNull;

/** A fixed API key. */
final class StaticTokenSource implements TokenSource {
  private final String token;

  StaticTokenSource(String token) {
    this.token = requireNonNull(token, "token is null");
  }

  @Override
  public String token() {
    return token;
  }

  @Override
  public boolean invalidate(String rejected) {
    return false;
  }

  @Override
  public String toString() {
    return "StaticTokenSource[***]";
  }
}
