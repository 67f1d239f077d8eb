package dev.klingbot.core.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.config.QuotaConfig;
import dev.klingbot.core.Platform;
import dev.klingbot.core.store.Database;
import dev.klingbot.core.store.ServerSettingsStore;
import dev.klingbot.core.testing.TestDatabases;
import dev.klingbot.kling.TaskDuration;
import dev.klingbot.kling.TaskMode;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The terminal (console and the one-shot edit) is one server as far as the quota goes. */
class TerminalQuotaTest {
  private static final Instant NOON = Instant.parse("2026-11-24T12:00:00Z");

  private Database database;
  private ServerSettingsStore settings;
  private QuotaService quota;

  @BeforeEach
  void open() {
    database = TestDatabases.open("h2");
    settings = new ServerSettingsStore(database);
    quota = new QuotaService(database, settings, QuotaConfig.defaultConfig());
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aLimitTheConsoleAdminSetsAppliesToTheCli() {
    settings.setPolicy(Platform.CONSOLE, "local", "user_daily_units", 2, "admin", NOON);

    assertThat(quota.usage(Platform.CLI, "local", "ann", NOON).userDailyLimit()).isEqualTo(2);
    assertThat(
            quota.reserve("E1", Platform.CLI, "local", "ann", TaskMode.STD, TaskDuration.TEN, NOON))
        .isInstanceOf(Reservation.Granted.class);
    assertThat(
            quota.reserve(
                "E2", Platform.CLI, "local", "ann", TaskMode.STD, TaskDuration.FIVE, NOON))
        .isInstanceOf(Reservation.Refused.class);
  }

  @Test
  void whatTheCliSpendsShowsInTheConsolesUsageAndReport() {
    quota.reserve("E1", Platform.CLI, "local", "ann", TaskMode.STD, TaskDuration.TEN, NOON);
    quota.commit("E1", NOON);

    assertThat(quota.usage(Platform.CONSOLE, "local", "ann", NOON).userUsedToday()).isEqualTo(2);
    LocalDate day = LocalDate.parse("2026-11-24");
    assertThat(quota.report(Platform.CONSOLE, "local", day, day).totalUnits()).isEqualTo(2);
  }

  @Test
  void thePlanLabelsTheMembersAndTheServersRemainderEachAsItsOwn() {
    settings.setPolicy(Platform.CONSOLE, "local", "daily_units", 3, "admin", NOON);
    quota.reserve("E1", Platform.CONSOLE, "local", "bob", TaskMode.STD, TaskDuration.TEN, NOON);

    String line = quota.usage(Platform.CONSOLE, "local", "ann", NOON).describe();

    assertThat(line)
        .startsWith("you: 5 of 5 units left today · server: 1 of 3 today")
        .endsWith("(so you can spend 1 unit today)");
  }
}
