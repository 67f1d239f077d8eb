package dev.klingbot.kling;

/**
 * An access key and secret key pair: the client signs HS256 JWTs with the secret key, {@code iss} =
 * access key. {@code toString()} shows the first characters of the access key only.
 */
public record AccessKeyCredentials(String accessKey, String secretKey) implements KlingCredentials {
  public AccessKeyCredentials {
    Validation.requireText(accessKey, "access key", "pass the Kling access key");
    Validation.requireText(secretKey, "secret key", "pass the Kling secret key");
  }

  @Override
  public String toString() {
    String shown = accessKey.length() > 4 ? accessKey.substring(0, 4) + "***" : "***";
    return "AccessKeyCredentials[accessKey=" + shown + ", secretKey=***]";
  }
}
