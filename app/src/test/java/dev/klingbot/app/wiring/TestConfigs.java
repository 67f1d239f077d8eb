package dev.klingbot.app.wiring;

import dev.klingbot.config.DatabaseConfig;
import dev.klingbot.config.KlingbotConfig;
import dev.klingbot.config.MediaConfig;
import java.nio.file.Path;

/** Test configurations: the defaults, with the database and the media inside a test's folder. */
public final class TestConfigs {
  private TestConfigs() {}

  /**
   * The default configuration with an H2 file database at {@code dir/db} and the media work folder
   * at {@code dir/mediaFolder}.
   */
  public static KlingbotConfig inFolder(Path dir, String mediaFolder) {
    return KlingbotConfig.defaults()
        .withDatabase(new DatabaseConfig("jdbc:h2:file:" + dir.resolve("db"), "", null, 5))
        .withMedia(MediaConfig.defaults().withWorkDir(dir.resolve(mediaFolder).toString()));
  }
}
