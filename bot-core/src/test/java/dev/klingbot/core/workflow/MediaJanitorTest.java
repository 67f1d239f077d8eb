package dev.klingbot.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.relay.MediaStore;
import dev.klingbot.core.store.Database;
import dev.klingbot.core.store.EditStore;
import dev.klingbot.core.testing.Edits;
import dev.klingbot.core.testing.TestDatabases;
import dev.klingbot.testing.SettableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaJanitorTest {
  @TempDir Path root;

  @Test
  void removesTheFilesOfEditsThatEndedLongerAgoThanTheRetention() throws Exception {
    Instant t0 = Instant.parse("2026-11-01T10:00:00Z");
    try (Database database = TestDatabases.h2()) {
      EditStore edits = new EditStore(database);
      Edits.storeDelivered(edits, "OLDDONE2", t0);
      edits.insert(Edits.removal("STILLOPN", t0).withState(EditState.SELECTING), null);
      Edits.storeCancelled(edits, "RECENT22", t0, t0.plus(Duration.ofDays(6)));
      MediaFiles files = new MediaFiles(root);
      for (String id : new String[] {"OLDDONE2", "STILLOPN", "RECENT22"}) {
        Files.writeString(files.dir(id).resolve("source.mp4"), "video");
      }
      SettableClock clock = new SettableClock(t0.plus(Duration.ofDays(8)));

      int removed =
          new MediaJanitor(edits, files, MediaStore.folderOnly(), Duration.ofDays(7), clock)
              .clean(clock.instant());

      assertThat(removed).isEqualTo(1);
      assertThat(root.resolve("OLDDONE2")).doesNotExist();
      assertThat(root.resolve("STILLOPN/source.mp4")).exists();
      assertThat(root.resolve("RECENT22/source.mp4")).exists();
    }
  }

  @Test
  void anUnreachableStoreIsLoggedAndTheFolderStillGoes() throws Exception {
    Instant t0 = Instant.parse("2026-11-01T10:00:00Z");
    try (Database database = TestDatabases.h2()) {
      EditStore edits = new EditStore(database);
      for (String id : new String[] {"OLDLOCAL", "OLDELSEW"}) {
        Edits.storeDelivered(edits, id, t0);
      }
      MediaFiles files = new MediaFiles(root);
      Files.writeString(files.dir("OLDLOCAL").resolve("source.mp4"), "video");
      FakeBucket store = new FakeBucket();
      store.holdsResult = false;
      store.failsToDelete = "OLDLOCAL";
      SettableClock clock = new SettableClock(t0.plus(Duration.ofDays(8)));

      int removed =
          new MediaJanitor(edits, files, store, Duration.ofDays(7), clock).clean(clock.instant());

      assertThat(store.deleted).containsExactlyInAnyOrder("OLDLOCAL", "OLDELSEW");
      assertThat(removed).isEqualTo(2);
      assertThat(root.resolve("OLDLOCAL")).doesNotExist();
    }
  }
}
