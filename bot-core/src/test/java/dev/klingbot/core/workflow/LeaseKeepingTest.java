package dev.klingbot.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.Platform;
import dev.klingbot.core.Requester;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.testing.WorkflowFixture;
import dev.klingbot.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The job runner's leases when several processes share the database: the process that follows an
 * edit keeps it between checks, lets it go when it is delivered, and hands its edits back when it
 * closes; another process takes an edit over only when its lease has run out.
 */
class LeaseKeepingTest {
  private final Requester alice = WorkflowFixture.requester(Platform.DISCORD, "alice");
  private final SettableClock clock = new SettableClock(Instant.now());
  private WorkflowFixture fixture;

  @BeforeEach
  void open() {
    fixture = WorkflowFixture.handDriven(clock);
    fixture.recordDiscord();
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void theProcessThatFollowsAnEditKeepsItUntilItsLeaseRunsOutAfterTheNextCheck() {
    fixture.workflow().runner().follow(Platform.DISCORD);
    Edit edit = fixture.startAndSubmit(alice);

    fixture.workflow().runner().runOnce();

    Edit created = fixture.edits.find(edit.id()).orElseThrow();
    assertThat(created.task().taskId()).as("the task was created").isNotNull();
    Instant next = created.task().nextCheckAt();
    Duration lease = fixture.settings().jobs().leaseDuration();
    // another process finds nothing to do while this one follows the edit...
    assertThat(
            fixture
                .edits
                .work()
                .claimDue(next, java.util.List.of(Platform.DISCORD), 10, "other", next.plus(lease)))
        .isEmpty();
    // ...but this one does
    assertThat(
            fixture
                .edits
                .work()
                .claimDue(
                    next,
                    java.util.List.of(Platform.DISCORD),
                    10,
                    fixture.settings().instanceId(),
                    next.plus(lease)))
        .containsExactly(edit.id());
    fixture.edits.work().keep(edit.id(), fixture.settings().instanceId(), next.plus(lease));
    // when this process is gone, the other takes the edit over once the lease has run out
    Instant later = next.plus(lease).plusSeconds(1);
    assertThat(
            fixture
                .edits
                .work()
                .claimDue(
                    later, java.util.List.of(Platform.DISCORD), 10, "other", later.plus(lease)))
        .containsExactly(edit.id());
  }

  @Test
  void aDeliveredEditIsLetGoAndARunnerThatClosesHandsItsEditsBack() throws Exception {
    fixture.workflow().runner().follow(Platform.DISCORD);
    Edit delivered =
        fixture.stepUntilDelivered(fixture.startAndSubmit(alice).id(), clock, Duration.ZERO);
    Edit running = fixture.startAndSubmit(alice);
    fixture.workflow().runner().runOnce();
    assertThat(fixture.edits.work().leaseOwners())
        .as("the delivered edit is let go; the running one is kept")
        .containsExactly(fixture.settings().instanceId());
    assertThat(delivered.outcome().deliveredAt()).isNotNull();

    fixture.workflow().runner().start();
    fixture.workflow().runner().close();

    assertThat(fixture.edits.work().leaseOwners()).isEmpty();
    Instant now = clock.instant();
    assertThat(
            fixture
                .edits
                .work()
                .claim(
                    running.id(),
                    "other",
                    now,
                    now.plus(fixture.settings().jobs().leaseDuration())))
        .isTrue();
  }
}
