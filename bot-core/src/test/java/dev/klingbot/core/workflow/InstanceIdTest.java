package dev.klingbot.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.edit.TaskProgress;
import dev.klingbot.core.store.Database;
import dev.klingbot.core.store.EditStore;
import dev.klingbot.core.testing.Edits;
import dev.klingbot.core.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InstanceIdTest {
  @Test
  void aProcessThatIsGoneIsRecognisedAndOnlyOnThisHost() throws Exception {
    Process exited = new ProcessBuilder("true").start();
    exited.waitFor();
    String mine = InstanceId.create();
    String[] parts = mine.split("/");
    String dead = parts[0] + "/" + exited.pid() + "/abcdef";

    assertThat(InstanceId.isDeadHere(dead)).isTrue();
    assertThat(InstanceId.isDeadHere(mine)).isFalse();
    assertThat(InstanceId.isDeadHere("other-host/" + exited.pid() + "/abcdef")).isFalse();
    assertThat(InstanceId.isDeadHere("not an id")).isFalse();
  }

  @Test
  void theStoreHandsBackTheLeasesOfAGoneOwner() throws Exception {
    Process exited = new ProcessBuilder("true").start();
    exited.waitFor();
    String dead = InstanceId.create().split("/")[0] + "/" + exited.pid() + "/abcdef";
    Instant now = Instant.now();
    try (Database database = TestDatabases.h2()) {
      EditStore edits = new EditStore(database);
      edits.insert(
          Edits.inState(Edits.removal("LEASED22", now), EditState.SUBMITTED)
              .withTask(TaskProgress.none().submitted(now)),
          null);
      assertThat(edits.work().claim("LEASED22", dead, now, now.plus(Duration.ofMinutes(2))))
          .isTrue();
      assertThat(
              edits.work().claim("LEASED22", "someone-else", now, now.plus(Duration.ofMinutes(2))))
          .isFalse();

      assertThat(edits.work().leaseOwners()).containsExactly(dead);
      assertThat(edits.work().releaseAll(dead)).isEqualTo(1);
      assertThat(
              edits.work().claim("LEASED22", "someone-else", now, now.plus(Duration.ofMinutes(2))))
          .isTrue();
    }
  }
}
