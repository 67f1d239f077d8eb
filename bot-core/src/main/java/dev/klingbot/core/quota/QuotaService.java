package dev.klingbot.core.quota;

import static java.util.Objects.requireNonNull;

import dev.klingbot.config.QuotaConfig;
import dev.klingbot.core.Platform;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.store.Database;
import dev.klingbot.core.store.ServerSettingsStore;
import dev.klingbot.kling.TaskDuration;
import dev.klingbot.kling.TaskMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Quota per server: reserve units when an edit is submitted, commit them when it succeeds, refund
 * them when it fails or is cancelled. A reservation locks the server's policy row, so concurrent
 * submits are serialized: 100 simultaneous submits against 10 remaining units grant exactly 10
 * units' worth. One ledger row per edit makes reserve, commit and refund idempotent.
 *
 * <p>The terminal is one server: the one-shot {@code klingbot edit} ({@link Platform#CLI}) spends
 * from the same quota as {@code klingbot console} ({@link Platform#CONSOLE}, server {@code local}),
 * so the limits an admin sets in the console apply to both.
 */
public final class QuotaService {
  private final Jdbi jdbi;
  private final ServerSettingsStore settings;
  private final QuotaConfig config;

  public QuotaService(Database database, ServerSettingsStore settings, QuotaConfig config) {
    this.jdbi = requireNonNull(database, "database is null").jdbi();
    this.settings = requireNonNull(settings, "settings is null");
    this.config = requireNonNull(config, "config is null");
  }

  /** Units one task costs, from the configured cost table. */
  public int cost(TaskMode mode, TaskDuration duration) {
    return config.costs().of(mode == TaskMode.PRO, duration == TaskDuration.TEN);
  }

  /** The platform whose quota {@code platform} spends: the CLI spends the console's. */
  static Platform account(Platform platform) {
    return platform == Platform.CLI ? Platform.CONSOLE : platform;
  }

  public QuotaPolicy policy(Platform platform, String serverId) {
    platform = account(platform);
    return QuotaPolicy.from(config.defaults()).with(settings.policy(platform, serverId));
  }

  /** Today's usage of a server and member. */
  public QuotaUsage usage(Platform givenPlatform, String serverId, String userId, Instant now) {
    Platform platform = account(givenPlatform);
    QuotaPolicy policy = policy(platform, serverId);
    return jdbi.withHandle(handle -> usage(handle, policy, platform, serverId, userId, now));
  }

  /**
   * Checks what a reservation would check, without reserving: used when an edit is started, so a
   * user learns at once that the quota is spent.
   */
  public Optional<Reservation.Refused> precheck(
      Platform givenPlatform,
      String serverId,
      String userId,
      TaskMode mode,
      TaskDuration duration,
      Instant now) {
    QuotaUsage usage = usage(givenPlatform, serverId, userId, now);
    return refusal(usage, cost(mode, duration), mode, duration, false);
  }

  /** Reserves the edit's units, unless a limit says no. Idempotent per edit id. */
  public Reservation reserve(
      String editId,
      Platform givenPlatform,
      String serverId,
      String userId,
      TaskMode mode,
      TaskDuration duration,
      Instant now) {
    Platform platform = account(givenPlatform);
    int units = cost(mode, duration);
    settings.ensurePolicyRow(platform, serverId, now);
    return jdbi.inTransaction(
        handle -> {
          ServerSettingsStore.lockPolicyRow(handle, platform, serverId);
          Optional<Integer> held =
              handle
                  .createQuery(
                      "SELECT units FROM quota_ledger WHERE edit_id = :id AND state = 'RESERVED'")
                  .bind("id", editId)
                  .mapTo(Integer.class)
                  .findOne();
          if (held.isPresent()) {
            return new Reservation.Granted(held.get(), true);
          }
          QuotaPolicy policy =
              QuotaPolicy.from(config.defaults())
                  .with(ServerSettingsStore.policy(handle, platform, serverId));
          QuotaUsage usage = usage(handle, policy, platform, serverId, userId, now);
          Optional<Reservation.Refused> refused = refusal(usage, units, mode, duration, true);
          if (refused.isPresent()) {
            return refused.get();
          }
          ZonedDateTime local = now.atZone(policy.timeZone());
          handle
              .createUpdate("DELETE FROM quota_ledger WHERE edit_id = :id")
              .bind("id", editId)
              .execute();
          handle
              .createUpdate(
                  "INSERT INTO quota_ledger (edit_id, platform, server_id, user_id, units, state,"
                      + " local_day, local_month, task_mode, duration_seconds, reserved_at) VALUES"
                      + " (:id, :platform, :server, :user, :units, 'RESERVED', :day, :month, :mode,"
                      + " :duration, :now)")
              .bind("id", editId)
              .bind("platform", platform.id())
              .bind("server", serverId)
              .bind("user", userId)
              .bind("units", units)
              .bind("day", java.sql.Date.valueOf(local.toLocalDate()))
              .bind("month", YearMonth.from(local).toString())
              .bind("mode", mode.name())
              .bind("duration", duration.seconds())
              .bind("now", Timestamp.from(now))
              .execute();
          return new Reservation.Granted(units, false);
        });
  }

  /** The edit succeeded: its units are spent. Returns false when nothing was reserved. */
  public boolean commit(String editId, Instant now) {
    return settle(editId, "COMMITTED", now);
  }

  /**
   * The edit failed or was cancelled: its units come back. Returns false when nothing was reserved.
   */
  public boolean refund(String editId, Instant now) {
    return settle(editId, "REFUNDED", now);
  }

  private boolean settle(String editId, String state, Instant now) {
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "UPDATE quota_ledger SET state = :state, settled_at = :now WHERE edit_id ="
                            + " :id AND state = 'RESERVED'")
                    .bind("state", state)
                    .bind("now", Timestamp.from(now))
                    .bind("id", editId)
                    .execute())
        == 1;
  }

  /** The ledger state of an edit ({@code RESERVED}, {@code COMMITTED}, {@code REFUNDED}). */
  public Optional<String> ledgerState(String editId) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT state FROM quota_ledger WHERE edit_id = :id")
                .bind("id", editId)
                .mapTo(String.class)
                .findOne());
  }

  /** Units spent per day and per member between two days (inclusive), refunds excluded. */
  public UsageReport report(Platform givenPlatform, String serverId, LocalDate from, LocalDate to) {
    Platform platform = account(givenPlatform);
    return jdbi.withHandle(
        handle -> {
          List<UsageReport.Day> days =
              betweenDays(
                      handle,
                      "SELECT local_day, SUM(units) AS units, COUNT(*) AS edits FROM quota_ledger"
                          + " WHERE platform = :platform AND server_id = :server AND local_day"
                          + " BETWEEN :from AND :to AND state <> 'REFUNDED' GROUP BY local_day"
                          + " ORDER BY local_day",
                      platform,
                      serverId,
                      from,
                      to)
                  .map(
                      (rs, ctx) ->
                          new UsageReport.Day(
                              rs.getDate("local_day").toLocalDate(),
                              rs.getInt("units"),
                              rs.getInt("edits")))
                  .list();
          List<UsageReport.User> users =
              betweenDays(
                      handle,
                      "SELECT user_id, SUM(units) AS units, COUNT(*) AS edits FROM quota_ledger"
                          + " WHERE platform = :platform AND server_id = :server AND local_day"
                          + " BETWEEN :from AND :to AND state <> 'REFUNDED' GROUP BY user_id ORDER"
                          + " BY SUM(units) DESC, user_id",
                      platform,
                      serverId,
                      from,
                      to)
                  .map(
                      (rs, ctx) ->
                          new UsageReport.User(
                              rs.getString("user_id"), rs.getInt("units"), rs.getInt("edits")))
                  .list();
          int refunded =
              betweenDays(
                      handle,
                      "SELECT COUNT(*) FROM quota_ledger WHERE platform = :platform AND server_id ="
                          + " :server AND local_day BETWEEN :from AND :to AND state = 'REFUNDED'",
                      platform,
                      serverId,
                      from,
                      to)
                  .mapTo(Integer.class)
                  .one();
          int total = days.stream().mapToInt(UsageReport.Day::units).sum();
          int edits = days.stream().mapToInt(UsageReport.Day::edits).sum();
          return new UsageReport(from, to, total, edits, refunded, days, users);
        });
  }

  /** A query over one server's ledger between two days (inclusive), with those four bound. */
  private static Query betweenDays(
      Handle handle, String sql, Platform platform, String serverId, LocalDate from, LocalDate to) {
    return handle
        .createQuery(sql)
        .bind("platform", platform.id())
        .bind("server", serverId)
        .bind("from", java.sql.Date.valueOf(from))
        .bind("to", java.sql.Date.valueOf(to));
  }

  private QuotaUsage usage(
      Handle handle,
      QuotaPolicy policy,
      Platform platform,
      String serverId,
      String userId,
      Instant now) {
    ZonedDateTime local = now.atZone(policy.timeZone());
    LocalDate today = local.toLocalDate();
    String month = YearMonth.from(local).toString();
    int serverToday = sum(handle, "local_day = :day", platform, serverId, null, today, month);
    int serverMonth = sum(handle, "local_month = :month", platform, serverId, null, today, month);
    int userToday = sum(handle, "local_day = :day", platform, serverId, userId, today, month);
    int running =
        handle
            .createQuery(
                "SELECT COUNT(*) FROM quota_ledger WHERE platform = :platform AND server_id = :server"
                    + " AND state = 'RESERVED'")
            .bind("platform", platform.id())
            .bind("server", serverId)
            .mapTo(Integer.class)
            .one();
    int userLimit =
        ServerSettingsStore.userLimit(handle, platform, serverId, userId)
            .orElse(policy.userDailyUnits());
    return new QuotaUsage(policy, userLimit, serverToday, serverMonth, userToday, running);
  }

  private static int sum(
      Handle handle,
      String period,
      Platform platform,
      String serverId,
      String userId,
      LocalDate day,
      String month) {
    return handle
        .createQuery(
            "SELECT COALESCE(SUM(units), 0) FROM quota_ledger WHERE platform = :platform AND"
                + " server_id = :server AND state <> 'REFUNDED' AND "
                + period
                + (userId == null ? "" : " AND user_id = :user"))
        .bind("platform", platform.id())
        .bind("server", serverId)
        .bind("user", userId)
        .bind("day", java.sql.Date.valueOf(day))
        .bind("month", month)
        .mapTo(Integer.class)
        .one();
  }

  private static Optional<Reservation.Refused> refusal(
      QuotaUsage usage, int units, TaskMode mode, TaskDuration duration, boolean countRunning) {
    QuotaPolicy policy = usage.policy();
    if (mode == TaskMode.PRO && !policy.allowPro()) {
      return refused(Reservation.Reason.PRO_NOT_ALLOWED, Messages.text("quota.refused.pro"));
    }
    if (duration == TaskDuration.TEN && !policy.allowTenSeconds()) {
      return refused(
          Reservation.Reason.TEN_SECONDS_NOT_ALLOWED, Messages.text("quota.refused.ten.seconds"));
    }
    if (policy.dailyUnits() == 0 || policy.monthlyUnits() == 0) {
      return refused(Reservation.Reason.EDITS_DISABLED, Messages.text("quota.refused.disabled"));
    }
    Optional<Reservation.Refused> overLimit =
        overLimit(
                Reservation.Reason.SERVER_DAILY,
                units,
                usage.serverUsedToday(),
                policy.dailyUnits(),
                "quota.refused.server.daily")
            .or(
                () ->
                    overLimit(
                        Reservation.Reason.SERVER_MONTHLY,
                        units,
                        usage.serverUsedThisMonth(),
                        policy.monthlyUnits(),
                        "quota.refused.server.monthly"))
            .or(
                () ->
                    overLimit(
                        Reservation.Reason.USER_DAILY,
                        units,
                        usage.userUsedToday(),
                        usage.userDailyLimit(),
                        mode == TaskMode.PRO
                            ? "quota.refused.user.daily.pro"
                            : "quota.refused.user.daily"));
    if (overLimit.isPresent()) {
      return overLimit;
    }
    if (countRunning && usage.running() >= policy.maxConcurrentJobs()) {
      return refused(
          Reservation.Reason.CONCURRENT,
          Messages.text("quota.refused.concurrent", usage.running()));
    }
    return Optional.empty();
  }

  /**
   * Refuses when {@code units} more would take {@code used} past {@code limit}: "This edit costs 2
   * units but you have 1 unit left today (your limit is 5). Try …"
   *
   * @param key the sentence, with the cost, the units left and the limit as its arguments
   */
  private static Optional<Reservation.Refused> overLimit(
      Reservation.Reason reason, int units, int used, int limit, String key) {
    if (used + units <= limit) {
      return Optional.empty();
    }
    return refused(reason, Messages.text(key, units, Math.max(0, limit - used), limit));
  }

  private static Optional<Reservation.Refused> refused(Reservation.Reason reason, String message) {
    return Optional.of(new Reservation.Refused(reason, message));
  }
}
