package dev.klingbot.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.klingbot.core.Platform;
import dev.klingbot.core.Requester;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.i18n.Lang;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.media.DiskBudget;
import dev.klingbot.core.store.Database;
import dev.klingbot.core.store.EditStore;
import dev.klingbot.core.testing.Edits;
import dev.klingbot.core.testing.TestDatabases;
import dev.klingbot.core.testing.WorkflowFixture;
import dev.klingbot.testing.SettableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The limits on starting edits, counted from the store, and the media folder's disk budget. */
class StartLimitsTest {
  @TempDir Path media;

  private final Database database = TestDatabases.h2();
  private final EditStore edits = new EditStore(database);
  private final SettableClock clock = SettableClock.at("2026-12-01T12:00:00Z");
  private final Requester alice = WorkflowFixture.requester(Platform.DISCORD, "alice");
  private final Requester bob = WorkflowFixture.requester(Platform.DISCORD, "bob");

  @AfterEach
  void close() {
    database.close();
  }

  private StartLimits limits(int open, int perMinute, long budget) {
    return new StartLimits(edits, open, perMinute, new DiskBudget(media, budget, clock), clock);
  }

  private void stored(String id, EditState state, Instant at) {
    Edit edit = Edits.inState(Edits.removal(id, at), state);
    edits.insert(edit, "test");
  }

  @Test
  void openEditsAreCountedFromTheStoreAndNamedInTheRefusal() {
    Instant earlier = clock.instant().minus(Duration.ofHours(2));
    stored("EDIT0001", EditState.CREATED, earlier);
    stored("EDIT0002", EditState.SELECTING, earlier.plusSeconds(1));
    stored("EDIT0003", EditState.PREVIEWED, earlier.plusSeconds(2));
    stored("EDIT0004", EditState.SUBMITTED, earlier.plusSeconds(3));
    stored("EDIT0005", EditState.CANCELLED, earlier.plusSeconds(4));
    StartLimits limits = limits(3, 5, 1L << 30);

    assertThatThrownBy(() -> limits.admit(alice))
        .isInstanceOf(EditException.class)
        .hasMessage(
            "You have 3 open edits not submitted yet (EDIT0001, EDIT0002, EDIT0003), the most one"
                + " member may have open at once. Submit or cancel one of them (for example"
                + " `cancel EDIT0001`), then start the new edit.");
    limits.admit(bob).close();
    assertThat(limits(4, 5, 1L << 30).admit(alice)).isNotNull();
  }

  @Test
  void startsStillRunningCountSoABurstCannotSlipThrough() {
    StartLimits limits = limits(3, 10, 1L << 30);
    StartLimits.Admission first = limits.admit(alice);
    limits.admit(alice);
    limits.admit(alice);

    assertThatThrownBy(() -> limits.admit(alice))
        .hasMessageStartingWith("You have 3 open edits not submitted yet (3 still starting)");

    first.close();
    first.close(); // twice is once
    limits.admit(alice);
    assertThatThrownBy(() -> limits.admit(alice)).isInstanceOf(EditException.class);
  }

  @Test
  void theStartRateIsCountedFromTheStoreAndSaysHowLongToWait() {
    StartLimits limits = fiveStartsInTheLastMinute();

    assertThatThrownBy(() -> limits.admit(alice))
        .isInstanceOf(EditException.class)
        .hasMessage(
            "You started 5 edits in the last minute, the most one member may start per minute."
                + " Wait 10 seconds and try again.");
    limits.admit(bob).close();

    clock.advance(Duration.ofSeconds(10));
    limits.admit(alice).close();
  }

  @Test
  void aChineseSpeakerIsToldInChineseHowLongToWait() {
    StartLimits limits = fiveStartsInTheLastMinute();

    try (Messages.Scope zh = Messages.use(Lang.ZH)) {
      assertThatThrownBy(() -> limits.admit(alice))
          .isInstanceOf(EditException.class)
          .hasMessage("你在过去一分钟内发起了 5 个编辑，已达到每位成员每分钟的上限。请等待 10 秒后重试。");
    }
    // the scope ended: the next refusal is in the default language again
    assertThatThrownBy(() -> limits.admit(alice)).hasMessageStartingWith("You started 5 edits");
  }

  @Test
  void overTheDiskBudgetNewEditsAreRefusedUntilTheFolderIsMeasuredSmallerAgain() throws Exception {
    Path folder = Files.createDirectories(media.resolve("EDIT0001"));
    Path video = Files.write(folder.resolve("source.mp4"), new byte[2 << 20]);
    StartLimits limits = limits(3, 5, 1L << 20);

    assertThatThrownBy(() -> limits.admit(alice))
        .isInstanceOf(EditException.class)
        .hasMessage(
            "The bot's media storage is full (2.0 MB used of 1.0 MB), so new edits can't start"
                + " right now. Please ask an admin to free space or raise media.disk-budget.");

    Files.delete(video);
    // measured at most once a minute: still the old size
    assertThatThrownBy(() -> limits.admit(bob)).hasMessageContaining("storage is full");
    clock.advance(DiskBudget.EVERY);
    limits.admit(bob).close();
  }

  /**
   * Limits of 5 starts per minute, with alice's five starts in the last 50 seconds stored
   * (cancelled at once, so only the rate counts them): her next start is allowed in 10 seconds.
   */
  private StartLimits fiveStartsInTheLastMinute() {
    Instant now = clock.instant();
    for (int i = 0; i < 5; i++) {
      stored("RATE000" + i, EditState.CANCELLED, now.minusSeconds(50 - i * 10));
    }
    return limits(3, 5, 1L << 30);
  }
}
