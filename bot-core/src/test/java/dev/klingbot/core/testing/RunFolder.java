package dev.klingbot.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A temporary folder for one test run, made on first use and deleted when the JVM exits, whose
 * files are each written once and then shared by every test class.
 */
public final class RunFolder {
  /** Writes one file into the folder and answers where it is. */
  @FunctionalInterface
  public interface Writer {
    Path write(Path file) throws IOException;
  }

  private final String prefix;
  private final Map<String, Path> files = new HashMap<>();
  private Path folder;

  /** A folder whose name starts with {@code prefix}. */
  public RunFolder(String prefix) {
    this.prefix = prefix;
  }

  /** The file {@code name}, written by {@code writer} the first time it is asked for. */
  public synchronized Path file(String name, Writer writer) {
    return files.computeIfAbsent(
        name,
        key -> {
          Path file = folder().resolve(key);
          try {
            return writer.write(file);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot write test file " + file, e);
          }
        });
  }

  private Path folder() {
    if (folder == null) {
      try {
        folder = Files.createTempDirectory(prefix);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Path created = folder;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(created)));
    }
    return folder;
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // best effort
    }
  }
}
