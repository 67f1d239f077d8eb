package dev.klingbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.Platform;
import dev.klingbot.core.testing.OnEveryDatabase;
import dev.klingbot.core.testing.TestDatabases;
import dev.klingbot.kling.EditMode;
import java.time.Instant;

class SettingsStoreTest {
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

  @OnEveryDatabase
  void generatedValuesAreKeptAndNeverReplaced(String kind) {
    try (Database database = TestDatabases.open(kind)) {
      SettingsStore settings = new SettingsStore(database);

      String first = settings.getOrCreate("signing-key", () -> "first-value");
      String second = settings.getOrCreate("signing-key", () -> "second-value");

      assertThat(first).isEqualTo("first-value");
      assertThat(second).isEqualTo("first-value");
    }
  }

  @OnEveryDatabase
  void keepsEachServersOwnSettings(String kind) {
    try (Database database = TestDatabases.open(kind)) {
      ServerSettingsStore store = new ServerSettingsStore(database);

      store.setPolicy(Platform.SLACK, "T1", "daily_units", 50, "U1", NOW);
      store.setPolicy(Platform.SLACK, "T1", "allow_pro", false, "U1", NOW);
      store.allowChannel(Platform.SLACK, "T1", "C2");
      store.allowChannel(Platform.SLACK, "T1", "C1");
      store.allowChannel(Platform.SLACK, "T1", "C1");
      store.setTemplate(
          Platform.SLACK, "T1", EditMode.REMOVAL, "Erase {element} from <<<video_1>>>", "U1", NOW);
      store.setUserLimit(Platform.SLACK, "T1", "U9", 7, NOW);

      assertThat(store.policy(Platform.SLACK, "T1").dailyUnits()).isEqualTo(50);
      assertThat(store.policy(Platform.SLACK, "T1").allowPro()).isFalse();
      assertThat(store.policy(Platform.SLACK, "T1").monthlyUnits()).isNull();
      assertThat(store.policy(Platform.SLACK, "T2").dailyUnits()).isNull();
      assertThat(store.allowedChannels(Platform.SLACK, "T1")).containsExactly("C1", "C2");
      assertThat(store.templates(Platform.SLACK, "T1"))
          .containsEntry(EditMode.REMOVAL, "Erase {element} from <<<video_1>>>");
      assertThat(store.userLimit(Platform.SLACK, "T1", "U9")).hasValue(7);

      store.setPolicy(Platform.SLACK, "T1", "daily_units", null, "U1", NOW);
      store.disallowChannel(Platform.SLACK, "T1", "C2");
      store.setTemplate(Platform.SLACK, "T1", EditMode.REMOVAL, null, "U1", NOW);
      store.setUserLimit(Platform.SLACK, "T1", "U9", null, NOW);

      assertThat(store.policy(Platform.SLACK, "T1").dailyUnits()).isNull();
      assertThat(store.allowedChannels(Platform.SLACK, "T1")).containsExactly("C1");
      assertThat(store.templates(Platform.SLACK, "T1")).isEmpty();
      assertThat(store.userLimit(Platform.SLACK, "T1", "U9")).isEmpty();
    }
  }
}
