package dev.klingbot.core.store;

/** The two databases the store runs on. The schema is shared; a few statements differ. */
public enum Dialect {
  H2,
  POSTGRES;

  public static Dialect of(String jdbcUrl) {
    return jdbcUrl.startsWith("jdbc:postgresql:") ? POSTGRES : H2;
  }

  /** The SQL state both databases use for a duplicate key. */
  public static final String UNIQUE_VIOLATION = "23505";
}
