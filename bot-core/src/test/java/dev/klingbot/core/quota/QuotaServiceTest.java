package dev.klingbot.core.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.config.QuotaConfig;
import dev.klingbot.core.Platform;
import dev.klingbot.core.i18n.Lang;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.store.Database;
import dev.klingbot.core.store.ServerSettingsStore;
import dev.klingbot.core.testing.TestDatabases;
import dev.klingbot.kling.TaskDuration;
import dev.klingbot.kling.TaskMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class QuotaServiceTest {
  private static final Platform DISCORD = Platform.DISCORD;
  private static final String SERVER = "guild-1";
  private static final Instant NOON = Instant.parse("2026-11-24T12:00:00Z");

  private Database database;
  private ServerSettingsStore settings;
  private QuotaService quota;

  @org.junit.jupiter.api.AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  private void open(String kind) {
    database = TestDatabases.open(kind);
    settings = new ServerSettingsStore(database);
    quota = new QuotaService(database, settings, QuotaConfig.defaultConfig());
  }

  @ParameterizedTest
  @MethodSource("dev.klingbot.core.testing.TestDatabases#kinds")
  void reservesCommitsAndRefundsOncePerEdit(String kind) {
    open(kind);
    {
      Reservation first =
          quota.reserve("E1", DISCORD, SERVER, "alice", TaskMode.STD, TaskDuration.TEN, NOON);
      Reservation again =
          quota.reserve("E1", DISCORD, SERVER, "alice", TaskMode.STD, TaskDuration.TEN, NOON);

      assertThat(first).isEqualTo(new Reservation.Granted(2, false));
      assertThat(again).isEqualTo(new Reservation.Granted(2, true));
      assertThat(quota.usage(DISCORD, SERVER, "alice", NOON).userUsedToday()).isEqualTo(2);

      assertThat(quota.refund("E1", NOON)).isTrue();
      assertThat(quota.refund("E1", NOON)).isFalse();
      assertThat(quota.commit("E1", NOON)).isFalse();
      assertThat(quota.usage(DISCORD, SERVER, "alice", NOON).userUsedToday()).isZero();

      quota.reserve("E2", DISCORD, SERVER, "alice", TaskMode.PRO, TaskDuration.FIVE, NOON);
      assertThat(quota.commit("E2", NOON)).isTrue();
      assertThat(quota.ledgerState("E2")).contains("COMMITTED");
      assertThat(quota.usage(DISCORD, SERVER, "alice", NOON).serverUsedToday()).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.klingbot.core.testing.TestDatabases#kinds")
  void refusesPastEachLimitWithAReason(String kind) {
    open(kind);
    {
      settings.setPolicy(DISCORD, SERVER, "user_daily_units", 2, "admin", NOON);
      assertThat(quota.reserve("E1", DISCORD, SERVER, "bob", TaskMode.STD, TaskDuration.TEN, NOON))
          .isInstanceOf(Reservation.Granted.class);

      Reservation user =
          quota.reserve("E2", DISCORD, SERVER, "bob", TaskMode.STD, TaskDuration.FIVE, NOON);
      assertThat(user)
          .isInstanceOfSatisfying(
              Reservation.Refused.class,
              refused -> {
                assertThat(refused.reason()).isEqualTo(Reservation.Reason.USER_DAILY);
                assertThat(refused.message())
                    .contains("you have 0 units left today")
                    .contains("your limit is 2");
              });

      settings.setPolicy(DISCORD, SERVER, "allow_pro", false, "admin", NOON);
      assertThat(
              quota.reserve("E3", DISCORD, SERVER, "carol", TaskMode.PRO, TaskDuration.FIVE, NOON))
          .isInstanceOfSatisfying(
              Reservation.Refused.class,
              refused -> assertThat(refused.message()).contains("does not allow pro mode"));

      settings.setPolicy(DISCORD, SERVER, "daily_units", 3, "admin", NOON);
      assertThat(
              quota.reserve("E4", DISCORD, SERVER, "carol", TaskMode.STD, TaskDuration.TEN, NOON))
          .isInstanceOfSatisfying(
              Reservation.Refused.class,
              refused -> {
                assertThat(refused.reason()).isEqualTo(Reservation.Reason.SERVER_DAILY);
                assertThat(refused.message())
                    .contains("the server has 1 unit left today (limit 3)");
              });

      settings.setPolicy(DISCORD, SERVER, "daily_units", 100, "admin", NOON);
      settings.setPolicy(DISCORD, SERVER, "max_concurrent_jobs", 1, "admin", NOON);
      assertThat(
              quota.reserve("E5", DISCORD, SERVER, "carol", TaskMode.STD, TaskDuration.FIVE, NOON))
          .isInstanceOfSatisfying(
              Reservation.Refused.class,
              refused -> assertThat(refused.reason()).isEqualTo(Reservation.Reason.CONCURRENT));
      quota.commit("E1", NOON);
      assertThat(
              quota.reserve("E5", DISCORD, SERVER, "carol", TaskMode.STD, TaskDuration.FIVE, NOON))
          .isInstanceOf(Reservation.Granted.class);

      settings.setUserLimit(DISCORD, SERVER, "bob", 10, NOON);
      quota.commit("E5", NOON);
      assertThat(quota.reserve("E6", DISCORD, SERVER, "bob", TaskMode.STD, TaskDuration.FIVE, NOON))
          .isInstanceOf(Reservation.Granted.class);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.klingbot.core.testing.TestDatabases#kinds")
  void daysEndAtMidnightInTheServersTimeZone(String kind) {
    open(kind);
    {
      settings.setPolicy(DISCORD, SERVER, "time_zone", "Asia/Shanghai", "admin", NOON);
      Instant lateEvening = Instant.parse("2026-11-24T15:30:00Z"); // 23:30 in Shanghai
      Instant afterMidnight = Instant.parse("2026-11-24T16:30:00Z"); // 00:30 on the 25th
      quota.reserve("E1", DISCORD, SERVER, "dan", TaskMode.STD, TaskDuration.FIVE, lateEvening);
      quota.commit("E1", lateEvening);

      assertThat(quota.usage(DISCORD, SERVER, "dan", lateEvening).userUsedToday()).isEqualTo(1);
      assertThat(quota.usage(DISCORD, SERVER, "dan", afterMidnight).userUsedToday()).isZero();
      assertThat(
              quota
                  .report(
                      DISCORD, SERVER, LocalDate.parse("2026-11-24"), LocalDate.parse("2026-11-24"))
                  .totalUnits())
          .isEqualTo(1);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.klingbot.core.testing.TestDatabases#kinds")
  void hundredSimultaneousSubmitsAgainstTenUnitsGrantExactlyTen(String kind) throws Exception {
    open(kind);
    {
      settings.setPolicy(DISCORD, SERVER, "daily_units", 10, "admin", NOON);
      settings.setPolicy(DISCORD, SERVER, "max_concurrent_jobs", 1000, "admin", NOON);
      ExecutorService pool = Executors.newFixedThreadPool(32);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Reservation>> answers = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        String edit = "R" + i;
        String user = "user-" + (i % 50);
        Callable<Reservation> submit =
            () -> {
              go.await();
              return quota.reserve(
                  edit, DISCORD, SERVER, user, TaskMode.STD, TaskDuration.FIVE, NOON);
            };
        answers.add(pool.submit(submit));
      }
      go.countDown();
      int granted = 0;
      for (Future<Reservation> answer : answers) {
        if (answer.get() instanceof Reservation.Granted) {
          granted++;
        }
      }
      pool.shutdown();

      assertThat(granted).isEqualTo(10);
      assertThat(quota.usage(DISCORD, SERVER, "user-0", NOON).serverUsedToday()).isEqualTo(10);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.klingbot.core.testing.TestDatabases#kinds")
  void reportsUsagePerDayAndPerMemberWithoutRefunds(String kind) {
    open(kind);
    {
      Instant day1 = Instant.parse("2026-11-01T10:00:00Z");
      Instant day2 = Instant.parse("2026-11-02T10:00:00Z");
      quota.reserve("A", DISCORD, SERVER, "alice", TaskMode.STD, TaskDuration.FIVE, day1);
      quota.commit("A", day1);
      quota.reserve("B", DISCORD, SERVER, "bob", TaskMode.PRO, TaskDuration.TEN, day2);
      quota.commit("B", day2);
      quota.reserve("C", DISCORD, SERVER, "alice", TaskMode.STD, TaskDuration.TEN, day2);
      quota.refund("C", day2);
      quota.reserve("D", DISCORD, "other-guild", "alice", TaskMode.STD, TaskDuration.FIVE, day2);

      UsageReport report =
          quota.report(
              DISCORD, SERVER, LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"));

      assertThat(report.totalUnits()).isEqualTo(5);
      assertThat(report.totalEdits()).isEqualTo(2);
      assertThat(report.refundedEdits()).isEqualTo(1);
      assertThat(report.days())
          .containsExactly(
              new UsageReport.Day(LocalDate.parse("2026-11-01"), 1, 1),
              new UsageReport.Day(LocalDate.parse("2026-11-02"), 4, 1));
      assertThat(report.users())
          .containsExactly(new UsageReport.User("bob", 4, 1), new UsageReport.User("alice", 1, 1));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.klingbot.core.testing.TestDatabases#kinds")
  void aRefusalIsInTheLanguageOfThePersonWhoSubmits(String kind) {
    open(kind);
    {
      settings.setPolicy(DISCORD, SERVER, "user_daily_units", 1, "admin", NOON);
      Reservation refused;
      try (Messages.Scope chinese = Messages.use(Lang.ZH)) {
        refused = quota.reserve("E1", DISCORD, SERVER, "bob", TaskMode.STD, TaskDuration.TEN, NOON);
      }

      assertThat(refused)
          .isInstanceOfSatisfying(
              Reservation.Refused.class,
              no -> assertThat(no.message()).isEqualTo("本次编辑需要 2 点，但你今天只剩 1 点（你的上限为 1）。请明天再试。"));
    }
  }
}
