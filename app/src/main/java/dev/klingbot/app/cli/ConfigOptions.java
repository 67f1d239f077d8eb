package dev.klingbot.app.cli;

import dev.klingbot.config.ConfigLoader;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --config} option shared by commands that read configuration. */
public final class ConfigOptions {
  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description =
          "Configuration file (default: $KLINGBOT_CONFIG, else ./klingbot.yml if present).")
  Path file;

  /** Loads the configuration from the file (if any) and the process environment. */
  public ConfigLoader.Loaded load() {
    return load(System.getenv());
  }

  public ConfigLoader.Loaded load(Map<String, String> environment) {
    return new ConfigLoader().load(file, environment);
  }
}
