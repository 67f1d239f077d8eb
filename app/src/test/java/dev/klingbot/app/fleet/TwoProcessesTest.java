package dev.klingbot.app.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real bot processes ({@code klingbot run}, separate JVMs) share one PostgreSQL database and
 * 200 open edits against the Kling simulator and a fake Slack; one is killed with SIGKILL half-way.
 * The other takes its edits over when their leases run out, and every edit ends as a user and the
 * Kling account would want: its result posted exactly once, one Kling task per edit, no task
 * followed by both processes at once, and exactly the units of 200 edits spent.
 */
class TwoProcessesTest {
  private static final int EDITS = 200;
  private static final Duration LEASE = Duration.ofSeconds(4);

  @TempDir Path dir;

  @Test
  void aKilledProcessesEditsAreTakenOverAndEveryEditIsDeliveredOnce() throws Exception {
    try (Fleet fleet =
        Fleet.open(dir, Duration.ofSeconds(2), System.getProperty("java.class.path"))) {
      long started = System.nanoTime();
      fleet.seed(EDITS);
      System.out.printf("seeded %d edits in %d ms%n", EDITS, millisSince(started));
      BotProcess first = fleet.start("bot-1", LEASE);
      BotProcess second = fleet.start("bot-2", LEASE);

      assertThat(fleet.awaitDelivered(80, Duration.ofSeconds(90)))
          .as("results posted before the kill; bot-1:\n%s", first.logTail())
          .isGreaterThanOrEqualTo(80);
      first.kill();
      int deliveredAtKill = fleet.delivered();
      System.out.printf(
          "killed bot-1 after %d deliveries at %d ms%n", deliveredAtKill, millisSince(started));
      int delivered = fleet.awaitDelivered(EDITS, Duration.ofSeconds(90));
      // a result bot-1 posted just before the kill is marked delivered by bot-2 once it takes the
      // edit over (after the lease): wait for the database too, not only for the posts
      fleet.awaitMarkedDelivered(EDITS, Duration.ofSeconds(60));
      System.out.printf("%d delivered at %d ms%n", delivered, millisSince(started));

      FleetFigures figures = fleet.figures();
      figures.lines().forEach(System.out::println);
      assertThat(delivered).as("%s\nbot-2:\n%s", figures, second.logTail()).isEqualTo(EDITS);
      assertThat(deliveredAtKill).as("killed half-way").isLessThan(EDITS);
      assertThat(figures.deliveredOnce()).as("%s", figures).isEqualTo(EDITS);
      assertThat(figures.deliveredTwice()).isZero();
      assertThat(figures.lostEdits()).isZero();
      assertThat(figures.tasks()).as("one Kling task per edit").isEqualTo(EDITS);
      assertThat(figures.editsCreatedTwice()).isZero();
      assertThat(figures.duplicateFollows()).as("tasks followed by both at once").isZero();
      assertThat(figures.committedEdits()).isEqualTo(EDITS);
      assertThat(figures.committedUnits()).isEqualTo(EDITS * fleet.unitsPerEdit());
      assertThat(figures.deliveredInDatabase()).isEqualTo(EDITS);
      assertThat(figures.takeovers())
          .as("tasks bot-2 went on following after bot-1 was killed")
          .isPositive();
      assertThat(second.process().isAlive()).isTrue();
    }
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
