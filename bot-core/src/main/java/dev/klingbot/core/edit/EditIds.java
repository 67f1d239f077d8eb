package dev.klingbot.core.edit;

import java.security.SecureRandom;

/**
 * Edit ids: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), easy to read out and
 * type, e.g. {@code K7Q2MX4A}. 40 random bits, also used as Kling's external task id.
 */
public final class EditIds {
  private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private EditIds() {}

  public static String next() {
    char[] id = new char[8];
    for (int i = 0; i < id.length; i++) {
      id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(id);
  }

  /** Normalizes what a user typed ({@code k7q2-mx4a} → {@code K7Q2MX4A}). */
  public static String normalize(String typed) {
    return typed == null
        ? ""
        : typed.strip().replace("-", "").replace("#", "").toUpperCase(java.util.Locale.ROOT);
  }

  /** A random secret for callback URLs. */
  public static String secret() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return java.util.HexFormat.of().formatHex(bytes);
  }
}
