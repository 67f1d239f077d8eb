package dev.klingbot.app.cli;

import dev.klingbot.simulator.SampleVideos;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Small H.264 sample clips for the command tests, written once per test run. */
final class CliClips {
  private static final Map<String, Path> CLIPS = new HashMap<>();
  private static Path folder;

  private CliClips() {}

  /** 2 s, 1280×720, 30 fps MP4: ready for Kling. */
  static Path valid() {
    return clip("valid.mp4", 1280, 720, 30, 60);
  }

  /** 3 s, 640×360, 25 fps MP4: frame rate and size are wrong. */
  static Path fixable() {
    return clip("fixable.mp4", 640, 360, 25, 75);
  }

  /** 1 s, 1280×720, 30 fps MP4: too short. */
  static Path tooShort() {
    return clip("short.mp4", 1280, 720, 30, 30);
  }

  /** A text file named like a video. */
  static synchronized Path text() {
    return CLIPS.computeIfAbsent(
        "notes.mp4",
        name -> {
          try {
            return Files.writeString(folder().resolve(name), "not a video\n".repeat(50));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static synchronized Path clip(String name, int width, int height, int fps, int frames) {
    return CLIPS.computeIfAbsent(
        name, file -> write(folder().resolve(file), width, height, fps, frames));
  }

  private static Path write(Path file, int width, int height, int fps, int frames) {
    try {
      return SampleVideos.mp4(file, width, height, fps, frames / (double) fps);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write sample clip " + file, e);
    }
  }

  private static Path folder() {
    if (folder == null) {
      try {
        folder = Files.createTempDirectory("klingbot-cli-test");
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
