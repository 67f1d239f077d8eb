package dev.klingbot.config;

/**
 * A configuration value that cannot be used. The message is one line naming the key and what is
 * allowed, e.g. {@code http.port is 70000; allowed: 0 (any free port) to 65535}.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String key;
  private final String problem;

  /**
   * @param key the full dotted key, e.g. {@code kling.base-url}; empty for a whole-file problem
   * @param problem what is wrong, without the key
   */
  public ConfigException(String key, String problem) {
    super(key.isEmpty() ? problem : key + " " + problem);
    this.key = key;
    this.problem = problem;
  }

  /** The same problem with a parent path in front of the key. */
  public ConfigException under(String parent) {
    if (parent.isEmpty()) {
      return this;
    }
    return new ConfigException(key.isEmpty() ? parent : parent + "." + key, problem);
  }
}
