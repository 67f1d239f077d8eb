package dev.klingbot.core.store;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Platform;
import dev.klingbot.core.quota.PolicyOverrides;
import dev.klingbot.kling.EditMode;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * What a server's admins set: quota policy, per-user limits, allowed channels, prompt templates.
 */
public final class ServerSettingsStore {
  private final Jdbi jdbi;
  private final Dialect dialect;

  public ServerSettingsStore(Database database) {
    requireNonNull(database, "database is null");
    this.jdbi = database.jdbi();
    this.dialect = database.dialect();
  }

  public PolicyOverrides policy(Platform platform, String serverId) {
    return jdbi.withHandle(handle -> policy(handle, platform, serverId));
  }

  /** The server's own settings, read on {@code handle} (inside its transaction). */
  public static PolicyOverrides policy(Handle handle, Platform platform, String serverId) {
    return handle
        .createQuery(
            "SELECT * FROM server_policies WHERE platform = :platform AND server_id = :server")
        .bindMap(Sql.server(platform, serverId))
        .map(
            (rs, ctx) ->
                new PolicyOverrides(
                    (Integer) rs.getObject("daily_units"),
                    (Integer) rs.getObject("monthly_units"),
                    (Integer) rs.getObject("user_daily_units"),
                    (Integer) rs.getObject("max_concurrent_jobs"),
                    (Boolean) rs.getObject("allow_pro"),
                    (Boolean) rs.getObject("allow_ten_seconds"),
                    rs.getString("time_zone")))
        .findOne()
        .orElse(PolicyOverrides.none());
  }

  /**
   * Sets one policy column ({@code null} resets it to the default).
   *
   * @param column one of the {@code server_policies} setting columns
   */
  public void setPolicy(
      Platform platform, String serverId, String column, Object value, String by, Instant now) {
    if (!List.of(
            "daily_units",
            "monthly_units",
            "user_daily_units",
            "max_concurrent_jobs",
            "allow_pro",
            "allow_ten_seconds",
            "time_zone",
            "language")
        .contains(column)) {
      throw new IllegalArgumentException("unknown policy column " + column);
    }
    ensurePolicyRow(platform, serverId, now);
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "UPDATE server_policies SET "
                        + column
                        + " = :value, updated_at = :now, updated_by = :by WHERE platform ="
                        + " :platform AND server_id = :server")
                .bind("value", value)
                .bind("now", Sql.timestamp(now))
                .bind("by", by)
                .bindMap(Sql.server(platform, serverId))
                .execute());
  }

  /** The language the server's admins chose ({@code en}, {@code zh}), if they chose one. */
  public Optional<String> language(Platform platform, String serverId) {
    return strings(
            "SELECT language FROM server_policies WHERE platform = :platform AND server_id = :server",
            platform,
            serverId)
        .stream()
        .filter(code -> code != null && !code.isBlank())
        .findFirst();
  }

  /** Sets the server's language; {@code null} goes back to the configured default. */
  public void setLanguage(Platform platform, String serverId, String code, String by, Instant now) {
    setPolicy(platform, serverId, "language", code, by, now);
  }

  /**
   * Makes sure the server has a policy row (all defaults), which also serves as the lock that
   * serializes its quota reservations.
   */
  public void ensurePolicyRow(Platform platform, String serverId, Instant now) {
    String insert =
        "INSERT INTO server_policies (platform, server_id, updated_at) VALUES (:platform, :server,"
            + " :now)";
    if (dialect == Dialect.POSTGRES) {
      insert += " ON CONFLICT DO NOTHING";
    }
    String sql = insert;
    boolean exists =
        jdbi.withHandle(
            handle ->
                handle
                        .createQuery(
                            "SELECT COUNT(*) FROM server_policies WHERE platform = :platform AND"
                                + " server_id = :server")
                        .bindMap(Sql.server(platform, serverId))
                        .mapTo(Integer.class)
                        .one()
                    > 0);
    if (exists) {
      return;
    }
    try {
      jdbi.useHandle(
          handle ->
              handle
                  .createUpdate(sql)
                  .bindMap(Sql.server(platform, serverId))
                  .bind("now", Sql.timestamp(now))
                  .execute());
    } catch (UnableToExecuteStatementException e) {
      if (!Sql.isUniqueViolation(e)) {
        throw e;
      }
    }
  }

  /** Locks the server's policy row until the transaction of {@code handle} ends. */
  public static void lockPolicyRow(Handle handle, Platform platform, String serverId) {
    handle
        .createQuery(
            "SELECT server_id FROM server_policies WHERE platform = :platform AND server_id ="
                + " :server FOR UPDATE")
        .bindMap(Sql.server(platform, serverId))
        .mapTo(String.class)
        .findOne();
  }

  public OptionalInt userLimit(Platform platform, String serverId, String userId) {
    return jdbi.withHandle(handle -> userLimit(handle, platform, serverId, userId));
  }

  /** A member's own daily limit, read on {@code handle}. */
  public static OptionalInt userLimit(
      Handle handle, Platform platform, String serverId, String userId) {
    return handle
        .createQuery(
            "SELECT daily_units FROM user_limits WHERE platform = :platform AND server_id"
                + " = :server AND user_id = :user")
        .bindMap(Sql.server(platform, serverId))
        .bind("user", userId)
        .mapTo(Integer.class)
        .findOne()
        .map(OptionalInt::of)
        .orElse(OptionalInt.empty());
  }

  /**
   * Sets a member's own daily limit; {@code null} removes it (the server's per-user limit applies).
   */
  public void setUserLimit(
      Platform platform, String serverId, String userId, Integer dailyUnits, Instant now) {
    jdbi.useTransaction(
        handle -> {
          handle
              .createUpdate(
                  "DELETE FROM user_limits WHERE platform = :platform AND server_id = :server AND"
                      + " user_id = :user")
              .bindMap(Sql.server(platform, serverId))
              .bind("user", userId)
              .execute();
          if (dailyUnits != null) {
            handle
                .createUpdate(
                    "INSERT INTO user_limits (platform, server_id, user_id, daily_units, updated_at)"
                        + " VALUES (:platform, :server, :user, :units, :now)")
                .bindMap(Sql.server(platform, serverId))
                .bind("user", userId)
                .bind("units", dailyUnits)
                .bind("now", Sql.timestamp(now))
                .execute();
          }
        });
  }

  public List<String> allowedChannels(Platform platform, String serverId) {
    return strings(
        "SELECT channel_id FROM allowed_channels WHERE platform = :platform AND server_id ="
            + " :server ORDER BY channel_id",
        platform,
        serverId);
  }

  /** The one column {@code sql} selects from the rows of one server. */
  private List<String> strings(String sql, Platform platform, String serverId) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(sql)
                .bindMap(Sql.server(platform, serverId))
                .mapTo(String.class)
                .list());
  }

  public void allowChannel(Platform platform, String serverId, String channelId) {
    jdbi.useTransaction(
        handle -> {
          removeChannel(handle, platform, serverId, channelId);
          handle
              .createUpdate(
                  "INSERT INTO allowed_channels (platform, server_id, channel_id) VALUES (:platform,"
                      + " :server, :channel)")
              .bindMap(Sql.server(platform, serverId))
              .bind("channel", channelId)
              .execute();
        });
  }

  public void disallowChannel(Platform platform, String serverId, String channelId) {
    jdbi.useHandle(handle -> removeChannel(handle, platform, serverId, channelId));
  }

  public void clearChannels(Platform platform, String serverId) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "DELETE FROM allowed_channels WHERE platform = :platform AND server_id = :server")
                .bindMap(Sql.server(platform, serverId))
                .execute());
  }

  private static void removeChannel(
      Handle handle, Platform platform, String serverId, String channelId) {
    handle
        .createUpdate(
            "DELETE FROM allowed_channels WHERE platform = :platform AND server_id = :server AND"
                + " channel_id = :channel")
        .bindMap(Sql.server(platform, serverId))
        .bind("channel", channelId)
        .execute();
  }

  /** The server's template overrides by edit mode. */
  public Map<EditMode, String> templates(Platform platform, String serverId) {
    Map<EditMode, String> templates = new EnumMap<>(EditMode.class);
    jdbi.useHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT edit_mode, template FROM prompt_templates WHERE platform = :platform AND"
                        + " server_id = :server")
                .bindMap(Sql.server(platform, serverId))
                .map(
                    (rs, ctx) ->
                        Map.entry(
                            EditMode.valueOf(rs.getString("edit_mode").toUpperCase(Locale.ROOT)),
                            rs.getString("template")))
                .forEach(entry -> templates.put(entry.getKey(), entry.getValue())));
    return templates;
  }

  /** Sets ({@code template} non-null) or removes a template override. */
  public void setTemplate(
      Platform platform, String serverId, EditMode mode, String template, String by, Instant now) {
    jdbi.useTransaction(
        handle -> {
          handle
              .createUpdate(
                  "DELETE FROM prompt_templates WHERE platform = :platform AND server_id = :server"
                      + " AND edit_mode = :mode")
              .bindMap(Sql.server(platform, serverId))
              .bind("mode", mode.name())
              .execute();
          if (template != null) {
            handle
                .createUpdate(
                    "INSERT INTO prompt_templates (platform, server_id, edit_mode, template,"
                        + " updated_at, updated_by) VALUES (:platform, :server, :mode, :template,"
                        + " :now, :by)")
                .bindMap(Sql.server(platform, serverId))
                .bind("mode", mode.name())
                .bind("template", template)
                .bind("now", Sql.timestamp(now))
                .bind("by", by)
                .execute();
          }
        });
  }
}
