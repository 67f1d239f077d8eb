package dev.klingbot.core.media;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Write to a temporary file beside the target, then move it into place in one step. */
final class AtomicFiles {
  private static final Logger log = LoggerFactory.getLogger(AtomicFiles.class);

  private static final SecureRandom RANDOM = new SecureRandom();

  private AtomicFiles() {}

  /**
   * A new empty temporary file in the target's folder (created if missing). It is created like any
   * file the user makes (the umask decides its permissions, e.g. 0644), not 0600 as {@link
   * Files#createTempFile} would, since it becomes the target.
   */
  static Path tempFileFor(Path target) {
    Path absolute = target.toAbsolutePath();
    Path directory = absolute.getParent();
    try {
      Files.createDirectories(directory);
      while (true) {
        Path temp =
            directory.resolve(
                "."
                    + absolute.getFileName()
                    + "."
                    + Long.toUnsignedString(RANDOM.nextLong(), 36)
                    + ".part");
        try {
          return Files.createFile(temp);
        } catch (FileAlreadyExistsException taken) {
          // another writer picked the same name; draw again
        }
      }
    } catch (IOException e) {
      throw new MediaException(
          MediaProblem.IO_ERROR, "Cannot write to the folder " + directory + ".", e);
    }
  }

  /** Moves {@code temp} onto {@code target}, atomically where the file system can. */
  static void moveIntoPlace(Path temp, Path target) {
    try {
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new MediaException(MediaProblem.IO_ERROR, "Cannot write the file " + target + ".", e);
    }
  }

  /** Deletes {@code file} if it exists; a failure is only logged. */
  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.debug("cannot delete {}", file, e);
    }
  }
}
