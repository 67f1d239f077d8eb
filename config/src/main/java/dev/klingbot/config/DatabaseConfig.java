package dev.klingbot.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where state lives. An H2 file under {@code ./data} by default; PostgreSQL by JDBC URL.
 *
 * @param url {@code jdbc:h2:file:./data/klingbot} or {@code jdbc:postgresql://host:5432/klingbot};
 *     it may hold a password ({@code ?password=}, {@code user:pass@}, H2's {@code ;PASSWORD=}),
 *     which {@link #maskedUrl()} and {@link #toString()} hide
 */
public record DatabaseConfig(String url, String user, Secret password, int maxPoolSize) {
  /** {@code password=}, {@code sslpassword=} ... as a URL parameter or an H2 setting. */
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("([?&;][A-Za-z_]*password=)[^&;]*", Pattern.CASE_INSENSITIVE);

  /** {@code //user:password@host}: everything between the first colon and the last {@code @}. */
  private static final Pattern USER_INFO = Pattern.compile("(//[^/?#:@]*:)[^/?#]*@");

  public DatabaseConfig {
    url = Check.nonBlank("url", url, "jdbc:h2:file:./data/klingbot");
    if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
      throw new ConfigException(
          "url",
          "is '"
              + mask(url)
              + "'; allowed: an H2 URL (jdbc:h2:file:./data/klingbot) or a PostgreSQL URL"
              + " (jdbc:postgresql://host:5432/db)");
    }
    user = user == null ? "" : user.strip();
    Check.range("max-pool-size", maxPoolSize, 1, 200);
  }

  public static DatabaseConfig defaults() {
    return new DatabaseConfig("jdbc:h2:file:./data/klingbot", "", null, 10);
  }

  /** The URL with any password in it replaced by {@code ********}: for printing and logs. */
  public String maskedUrl() {
    return mask(url);
  }

  /** {@code url} with any password in it replaced by {@code ********}. */
  public static String mask(String url) {
    if (url == null) {
      return null;
    }
    String masked =
        PASSWORD_PARAMETER.matcher(url).replaceAll("$1" + Matcher.quoteReplacement(Secret.MASK));
    return USER_INFO.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(Secret.MASK) + "@");
  }

  @Override
  public String toString() {
    return "DatabaseConfig[url="
        + maskedUrl()
        + ", user="
        + user
        + ", password="
        + password
        + ", maxPoolSize="
        + maxPoolSize
        + "]";
  }

  public boolean isPostgres() {
    return url.startsWith("jdbc:postgresql:");
  }
}
