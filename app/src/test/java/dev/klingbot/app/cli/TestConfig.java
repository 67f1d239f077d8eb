package dev.klingbot.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the command tests start klingbot with: a config file in a folder, another process. */
final class TestConfig {
  private TestConfig() {}

  /**
   * Writes {@code dir/klingbot.yml}: an H2 file database and the media folder inside {@code dir},
   * then {@code extra} (which may continue the {@code media} group or add others).
   */
  static Path write(Path dir, String extra) throws IOException {
    return Files.writeString(
        dir.resolve("klingbot.yml"),
        "database:\n  url: jdbc:h2:file:"
            + dir.resolve("db/klingbot")
            + "\nmedia:\n  work-dir: "
            + dir.resolve("media")
            + "\n"
            + extra);
  }

  /** {@code klingbot args...} as another process, on the test class path. */
  static ProcessBuilder otherProcess(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.klingbot.app.Main");
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }
}
