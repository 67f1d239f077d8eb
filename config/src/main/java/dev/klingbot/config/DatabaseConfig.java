package dev.klingbot.config;

/**
 * Where state lives. An H2 file under {@code ./data} by default; PostgreSQL by JDBC URL.
 *
 * @param url {@code jdbc:h2:file:./data/klingbot} or {@code jdbc:postgresql://host:5432/klingbot}
 */
public record DatabaseConfig(String url, String user, Secret password, int maxPoolSize) {

  public DatabaseConfig {
    url = Check.nonBlank("url", url, "jdbc:h2:file:./data/klingbot");
    if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
      throw new ConfigException(
          "url",
          "is '"
              + url
              + "'; allowed: an H2 URL (jdbc:h2:file:./data/klingbot) or a PostgreSQL URL"
              + " (jdbc:postgresql://host:5432/db)");
    }
    user = user == null ? "" : user.strip();
    Check.range("max-pool-size", maxPoolSize, 1, 200);
  }

  public static DatabaseConfig defaults() {
    return new DatabaseConfig("jdbc:h2:file:./data/klingbot", "", null, 10);
  }

  public boolean isPostgres() {
    return url.startsWith("jdbc:postgresql:");
  }
}
