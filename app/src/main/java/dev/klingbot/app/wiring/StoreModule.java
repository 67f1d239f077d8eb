package dev.klingbot.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.klingbot.config.KlingbotConfig;
import dev.klingbot.core.admin.AdminService;
import dev.klingbot.core.quota.QuotaService;
import dev.klingbot.core.store.Database;
import dev.klingbot.core.store.EditStore;
import dev.klingbot.core.store.SelectionStore;
import dev.klingbot.core.store.ServerSettingsStore;
import dev.klingbot.core.store.SettingsStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** The database (opened and migrated when first needed) and everything stored in it. */
public final class StoreModule extends AbstractModule {

  @Override
  protected void configure() {
    for (Class<?> store :
        List.of(
            EditStore.class,
            SelectionStore.class,
            SettingsStore.class,
            ServerSettingsStore.class)) {
      bindToConstructor(store);
    }
  }

  private <T> void bindToConstructor(Class<T> type) {
    bind(type).toConstructor(Constructors.onlyPublic(type)).in(Singleton.class);
  }

  @Provides
  @Singleton
  Database database(KlingbotConfig config, Lifecycle lifecycle) {
    return lifecycle.manage(Database.open(config.database()));
  }

  @Provides
  @Singleton
  QuotaService quota(Database database, ServerSettingsStore serverSettings, KlingbotConfig config) {
    return new QuotaService(database, serverSettings, config.quota());
  }

  @Provides
  @Singleton
  AdminService admin(
      ServerSettingsStore serverSettings,
      QuotaService quota,
      KlingbotConfig config,
      Clock clock,
      dev.klingbot.core.chat.ChatPorts chats) {
    return new AdminService(
        serverSettings,
        quota,
        config.quota(),
        Path.of(config.media().workDir()).resolve("reports"),
        clock,
        chats::syntax);
  }
}
