package dev.klingbot.core.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.klingbot.config.DatabaseConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jdbi.v3.core.Jdbi;

/**
 * The connection pool (HikariCP), the schema (Flyway migrations in {@code db/migration}, the same
 * scripts on H2 and PostgreSQL) and the query API (Jdbi).
 */
public final class Database implements AutoCloseable {
  /** H2's system property for the address its servers (also AUTO_SERVER's) listen on. */
  static final String H2_BIND_ADDRESS = "h2.bindAddress";

  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final Dialect dialect;

  private Database(HikariDataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.jdbi = Jdbi.create(dataSource);
  }

  /** Opens the pool and brings the schema up to date. */
  public static Database open(DatabaseConfig config) {
    String url = withH2Defaults(config.url());
    if (url.toUpperCase(java.util.Locale.ROOT).contains("AUTO_SERVER=TRUE")
        && System.getProperty(H2_BIND_ADDRESS) == null) {
      // the shared file is served to other klingbot processes of this machine only
      System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
    }
    String shown = displayUrl(url);
    createH2Folder(url);
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(url);
    hikari.setUsername(config.user());
    if (config.password() != null) {
      hikari.setPassword(config.password().reveal());
    }
    hikari.setMaximumPoolSize(config.maxPoolSize());
    hikari.setPoolName("klingbot-db");
    hikari.setConnectionTimeout(10_000);
    hikari.setInitializationFailTimeout(10_000);
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(hikari);
    } catch (RuntimeException e) {
      throw new StoreException(openProblem(shown, e), e);
    }
    try {
      migrations(dataSource, Dialect.of(url)).failOnMissingLocations(true).load().migrate();
    } catch (FlywayException e) {
      dataSource.close();
      throw new StoreException(
          "Cannot update the database schema of " + shown + ": " + e.getMessage(), e);
    }
    return new Database(dataSource, Dialect.of(url));
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  /**
   * Whether the database answers and its schema is current, for a readiness check.
   *
   * @param problem empty when ready, otherwise one sentence (never the password)
   */
  public record Readiness(boolean reachable, int pendingMigrations, String problem) {
    public boolean ready() {
      return reachable && pendingMigrations == 0;
    }
  }

  /**
   * The schema's migrations, the same files for both databases; {@code ${stored}} is where
   * PostgreSQL wants {@code STORED} after a generated column and H2 wants nothing.
   */
  private static FluentConfiguration migrations(DataSource dataSource, Dialect dialect) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .placeholders(Map.of("stored", dialect == Dialect.POSTGRES ? " STORED" : ""));
  }

  /** Asks the database once (a connection within 2 seconds, Flyway's pending migrations). */
  public Readiness readiness() {
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.isValid(2)) {
        return new Readiness(false, 0, "the database did not answer");
      }
    } catch (SQLException | RuntimeException e) {
      return new Readiness(false, 0, "the database cannot be reached: " + e.getMessage());
    }
    try {
      int pending = migrations(dataSource, dialect).load().info().pending().length;
      return new Readiness(
          true, pending, pending == 0 ? "" : pending + " schema migrations are not applied");
    } catch (FlywayException e) {
      return new Readiness(true, 0, "the schema history cannot be read: " + e.getMessage());
    }
  }

  /**
   * Reports the connection pool into {@code registry} (HikariCP's own meters: {@code
   * hikaricp.connections.active}, {@code .idle}, {@code .pending}, {@code .acquire}, ...). Once.
   */
  public void instrument(io.micrometer.core.instrument.MeterRegistry registry) {
    dataSource.setMetricRegistry(registry);
  }

  public Dialect dialect() {
    return dialect;
  }

  @Override
  public void close() {
    dataSource.close();
  }

  /**
   * Settings the bot needs from H2 unless the URL says otherwise: a longer row-lock wait (quota
   * reservations of a busy server queue on one row; H2 waits one second by default), and for a file
   * database, writing each commit to disk at once (by default H2 writes in the background, so a
   * killed process loses its last committed work, such as a submitted edit), and sharing it with
   * other klingbot processes ({@code AUTO_SERVER}: the first process to open the file serves it to
   * the others over a local TCP port it picks; when it exits, another one takes over). So a
   * one-shot {@code edit} works while a console or {@code run} has the same file open.
   */
  static String withH2Defaults(String url) {
    if (!url.startsWith("jdbc:h2:")) {
      return url;
    }
    String upper = url.toUpperCase(java.util.Locale.ROOT);
    String result = url;
    if (!upper.contains("LOCK_TIMEOUT")) {
      result += ";LOCK_TIMEOUT=10000";
    }
    boolean embeddedFile =
        !upper.startsWith("JDBC:H2:MEM:")
            && !upper.startsWith("JDBC:H2:TCP:")
            && !upper.startsWith("JDBC:H2:SSL:")
            && !upper.startsWith("JDBC:H2:ZIP:");
    if (embeddedFile && !upper.contains("WRITE_DELAY")) {
      result += ";WRITE_DELAY=0";
    }
    if (embeddedFile && !upper.contains("AUTO_SERVER") && !upper.contains("FILE_LOCK")) {
      result += ";AUTO_SERVER=TRUE";
    }
    return result;
  }

  /** The URL without query parameters (which may hold a password). */
  static String displayUrl(String url) {
    int query = url.indexOf('?');
    String base = query < 0 ? url : url.substring(0, query);
    int options = base.indexOf(';');
    return options < 0 ? base : base.substring(0, options);
  }

  private static void createH2Folder(String url) {
    String prefix = "jdbc:h2:file:";
    if (!url.startsWith(prefix)) {
      return;
    }
    String path = url.substring(prefix.length());
    int options = path.indexOf(';');
    if (options >= 0) {
      path = path.substring(0, options);
    }
    Path parent = Path.of(path).toAbsolutePath().getParent();
    if (parent != null) {
      try {
        Files.createDirectories(parent);
      } catch (IOException e) {
        throw new StoreException(
            "Cannot create the database folder " + parent + ": " + e.getMessage(), e);
      }
    }
  }

  private static String openProblem(String shown, RuntimeException e) {
    Throwable cause = e;
    while (cause.getCause() != null && !(cause instanceof SQLException)) {
      cause = cause.getCause();
    }
    String message =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    if (message.contains("already in use") || message.contains("locked by another process")) {
      return "The database "
          + shown
          + " is in use by another klingbot process. Stop that one first, or point"
          + " database.url at another file.";
    }
    if (message.contains("Connection refused")) {
      return "Cannot reach the database " + shown + " (connection refused). Is it running?";
    }
    return "Cannot open the database " + shown + ": " + message.lines().findFirst().orElse(message);
  }
}
