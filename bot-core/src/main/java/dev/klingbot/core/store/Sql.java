package dev.klingbot.core.store;

import dev.klingbot.core.Platform;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Small JDBC helpers shared by the stores. */
final class Sql {
  private Sql() {}

  static boolean isUniqueViolation(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && Dialect.UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The instant as a JDBC timestamp, cut to microseconds: H2 and PostgreSQL keep microseconds and
   * round the rest, so a nanosecond clock could store a due time just after the "now" it is later
   * compared with. Cutting every bound value the same way keeps {@code stored <= now} true.
   */
  static Timestamp timestamp(Instant instant) {
    return instant == null
        ? null
        : Timestamp.from(instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
  }

  static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  /**
   * The {@code :platform} and {@code :server} parameters that name one server (Discord guild, Slack
   * workspace) in the tables, for {@code bindMap}.
   */
  static Map<String, Object> server(Platform platform, String serverId) {
    Map<String, Object> names = new HashMap<>();
    names.put("platform", platform.id());
    names.put("server", serverId);
    return names;
  }
}
