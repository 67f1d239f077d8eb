package dev.klingbot.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import dev.klingbot.config.KlingbotConfig;
import dev.klingbot.config.S3Config;
import dev.klingbot.config.Secret;
import dev.klingbot.core.relay.MediaRelay;
import dev.klingbot.core.relay.MediaStore;
import dev.klingbot.s3.S3MediaStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code media.store} picks what the workflow hands files to: the relay or the bucket. */
class MediaStoreWiringTest {
  @TempDir Path dir;

  @Test
  void theRelayOverTheMediaFolderIsTheDefaultStore() {
    try (Lifecycle lifecycle = new Lifecycle()) {
      Injector injector =
          Injection.create(TestConfigs.inFolder(dir, "media"), AppOptions.local(), lifecycle);

      MediaStore store = Injection.get(injector, MediaStore.class);

      assertThat(store).isSameAs(Injection.get(injector, MediaRelay.class));
      assertThat(store.shared()).isFalse();
    }
  }

  @Test
  void withMediaStoreS3TheBucketIsTheStore() {
    KlingbotConfig local = TestConfigs.inFolder(dir, "media");
    KlingbotConfig config =
        local.withMedia(
            local
                .media()
                .withS3(
                    new S3Config(
                        "http://127.0.0.1:9000",
                        "us-east-1",
                        "team-media",
                        Secret.of("access"),
                        Secret.of("secret"),
                        true,
                        "bot/",
                        null)));
    try (Lifecycle lifecycle = new Lifecycle()) {
      Injector injector = Injection.create(config, AppOptions.local(), lifecycle);

      MediaStore store = Injection.get(injector, MediaStore.class);

      assertThat(store).isInstanceOf(S3MediaStore.class);
      assertThat(store.available()).isTrue();
      assertThat(store.shared()).isTrue();
      assertThat(Injection.get(injector, MediaStore.class)).isSameAs(store);
    }
  }
}
