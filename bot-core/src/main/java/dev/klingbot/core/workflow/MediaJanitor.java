package dev.klingbot.core.workflow;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.relay.MediaStore;
import dev.klingbot.core.relay.MediaStoreException;
import dev.klingbot.core.store.EditStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the files of edits that ended longer than the retention time ago (source videos, frames,
 * results) from the media folder and from the media store (a bucket's objects): the database keeps
 * the edit's history, the disk does not fill up.
 */
final class MediaJanitor {
  private static final Logger LOG = LoggerFactory.getLogger(MediaJanitor.class);
  static final Duration EVERY = Duration.ofHours(1);

  private final EditStore edits;
  private final MediaFiles files;
  private final MediaStore store;
  private final Duration retention;
  private final Clock clock;
  private Instant lastRun = Instant.MIN;

  MediaJanitor(
      EditStore edits, MediaFiles files, MediaStore store, Duration retention, Clock clock) {
    this.edits = requireNonNull(edits, "edits is null");
    this.files = requireNonNull(files, "files is null");
    this.store = requireNonNull(store, "store is null");
    this.retention = requireNonNull(retention, "retention is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** Cleans up at most once an hour; returns how many edits' files were removed. */
  synchronized int maybeClean() {
    Instant now = clock.instant();
    if (Duration.between(lastRun, now).compareTo(EVERY) < 0 && lastRun != Instant.MIN) {
      return 0;
    }
    lastRun = now;
    return clean(now);
  }

  int clean(Instant now) {
    int removed = 0;
    for (String id : edits.work().finishedBefore(now.minus(retention), 500)) {
      Path dir = files.root().resolve(id);
      boolean folderRemoved = Files.isDirectory(dir) && delete(dir);
      if (deleteStored(id) > 0 || folderRemoved) {
        removed++;
      }
    }
    if (removed > 0) {
      LOG.info("Removed the files of {} finished edits older than {}", removed, retention);
    }
    return removed;
  }

  private int deleteStored(String editId) {
    try {
      return store.deleteEdit(editId);
    } catch (MediaStoreException e) {
      LOG.warn("Could not remove the stored media of edit {}: {}", editId, e.getMessage());
      return 0;
    }
  }

  private static boolean delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      return !Files.exists(dir);
    } catch (IOException e) {
      LOG.warn("Could not remove {}: {}", dir, e.getMessage());
      return false;
    }
  }
}
