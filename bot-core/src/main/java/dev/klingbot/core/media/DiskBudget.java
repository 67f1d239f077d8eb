package dev.klingbot.core.media;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media folder's size against its budget ({@code media.disk-budget}). The size is measured at
 * most once per {@link #EVERY} (walking a large folder on every start would be slow); when it is
 * over the budget, a warning for the admin is logged with each measurement.
 */
public final class DiskBudget {
  private static final Logger LOG = LoggerFactory.getLogger(DiskBudget.class);

  /** How long a measurement is reused. */
  public static final Duration EVERY = Duration.ofMinutes(1);

  private final Path root;
  private final long budgetBytes;
  private final Clock clock;
  private Instant measuredAt;
  private long usedBytes;

  public DiskBudget(Path root, long budgetBytes, Clock clock) {
    this.root = requireNonNull(root, "root is null");
    if (budgetBytes < 1) {
      throw new IllegalArgumentException("budgetBytes is " + budgetBytes);
    }
    this.budgetBytes = budgetBytes;
    this.clock = requireNonNull(clock, "clock is null");
  }

  public long budgetBytes() {
    return budgetBytes;
  }

  /** The media folder's size, measured at most once a minute. */
  public synchronized long usedBytes() {
    Instant now = clock.instant();
    if (measuredAt == null || !now.isBefore(measuredAt.plus(EVERY))) {
      usedBytes = measure(root);
      measuredAt = now;
      if (usedBytes > budgetBytes) {
        LOG.warn(
            "The media folder {} holds {}, over its budget of {}: new edits are refused until"
                + " files are removed (finished edits' files go after media.retention) or"
                + " media.disk-budget is raised",
            root,
            MediaText.bytes(usedBytes),
            MediaText.bytes(budgetBytes));
      }
    }
    return usedBytes;
  }

  /** Whether the folder holds more than the budget. */
  public boolean over() {
    return usedBytes() > budgetBytes;
  }

  /** The total size of the regular files under {@code dir} (0 when it does not exist). */
  static long measure(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    long[] total = {0};
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              if (attributes.isRegularFile()) {
                total[0] += attributes.size();
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              // a file removed while walking (a finished edit cleaned up) is simply not counted
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (NoSuchFileException e) {
      return total[0];
    } catch (IOException e) {
      throw new UncheckedIOException("cannot measure " + dir, e);
    }
    return total[0];
  }
}
