package dev.klingbot.app.cli;

import dev.klingbot.core.testing.RunFolder;
import dev.klingbot.simulator.SampleVideos;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small H.264 sample clips for the command tests, written once per test run. */
final class CliClips {
  private static final RunFolder FOLDER = new RunFolder("klingbot-cli-test");

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
  static Path text() {
    return FOLDER.file("notes.mp4", file -> Files.writeString(file, "not a video\n".repeat(50)));
  }

  private static Path clip(String name, int width, int height, int fps, int frames) {
    return FOLDER.file(
        name, file -> SampleVideos.mp4(file, width, height, fps, frames / (double) fps));
  }
}
