package dev.klingbot.core.testing;

import dev.klingbot.config.DatabaseConfig;
import dev.klingbot.core.store.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Databases for tests: a fresh in-memory H2, and a fresh schema in the local PostgreSQL
 * (127.0.0.1:5432/test, or {@code KLINGBOT_TEST_POSTGRES_URL}). PostgreSQL tests skip when no
 * server answers, unless {@code KLINGBOT_REQUIRE_POSTGRES=1} (CI), where they fail instead.
 */
public final class TestDatabases {
  public static final String DEFAULT_POSTGRES_URL =
      "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  private TestDatabases() {}

  /** The two kinds, for {@code @MethodSource}. */
  public static Stream<Arguments> kinds() {
    return Stream.of(Arguments.of("h2"), Arguments.of("postgres"));
  }

  public static Database open(String kind) {
    return kind.equals("postgres") ? postgres() : h2();
  }

  public static Database h2() {
    String url =
        "jdbc:h2:mem:kb" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
    return Database.open(new DatabaseConfig(url, "sa", null, 20));
  }

  /** A PostgreSQL database in a schema of its own, dropped when the JVM exits. */
  public static Database postgres() {
    return Database.open(new DatabaseConfig(postgresSchemaUrl(), "", null, 20));
  }

  /**
   * Creates a schema of its own in the local PostgreSQL, dropped when the JVM exits, and returns
   * the JDBC URL that works in it ({@code currentSchema}), for this JVM or for bot processes it
   * starts. Skips the test when no server answers, unless {@code KLINGBOT_REQUIRE_POSTGRES=1}.
   */
  public static String postgresSchemaUrl() {
    String base = postgresUrl();
    String schema =
        "kb_"
            + UUID.randomUUID()
                .toString()
                .replace("-", "")
                .substring(0, 16)
                .toLowerCase(Locale.ROOT);
    try (Connection connection = DriverManager.getConnection(base);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      if ("1".equals(System.getenv("KLINGBOT_REQUIRE_POSTGRES"))) {
        throw new AssertionError(
            "PostgreSQL is required (KLINGBOT_REQUIRE_POSTGRES=1) but "
                + base
                + " is not reachable: "
                + e.getMessage(),
            e);
      }
      Assumptions.abort("PostgreSQL not reachable at " + base + ": " + e.getMessage());
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> dropSchema(base, schema)));
    return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  public static String postgresUrl() {
    String configured = System.getenv("KLINGBOT_TEST_POSTGRES_URL");
    return configured == null || configured.isBlank() ? DEFAULT_POSTGRES_URL : configured;
  }

  private static void dropSchema(String base, String schema) {
    try (Connection connection = DriverManager.getConnection(base);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException ignored) {
      // best effort at exit
    }
  }
}
