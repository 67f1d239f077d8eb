package dev.klingbot.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import dev.klingbot.app.http.AppHttpServer;
import dev.klingbot.config.ConfigException;
import dev.klingbot.config.KlingbotConfig;
import dev.klingbot.core.i18n.Lang;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.store.StoreException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Builds the injector from the configuration and unwraps Guice's errors into plain ones. */
public final class Injection {
  private Injection() {}

  /**
   * Builds the injector. The HTTP server's socket is opened first (not served yet: {@link
   * HttpService#start()} does that), so that a free port chosen for local HTTP is known when the
   * public address is bound.
   */
  public static Injector create(
      KlingbotConfig config, AppOptions options, Lifecycle lifecycle, Module... extra) {
    // the language spoken where neither a person's platform nor their server chose one
    Messages.setDefault(Lang.of(config.language()).orElse(Lang.EN));
    AppHttpServer.Limits limits = AppHttpServer.Limits.from(config.http());
    AppHttpServer http =
        lifecycle
            .manage(
                options.localHttp()
                    ? new AppHttpServer("127.0.0.1", 0, limits)
                    : new AppHttpServer(config.http().host(), config.http().port(), limits))
            .listen();
    List<Module> modules = new ArrayList<>();
    modules.add(
        new AbstractModule() {
          @Override
          protected void configure() {
            bind(KlingbotConfig.class).toInstance(config);
            bind(AppOptions.class).toInstance(options);
            bind(Lifecycle.class).toInstance(lifecycle);
            bind(AppHttpServer.class).toInstance(http);
            bind(Clock.class).toInstance(Clock.systemUTC());
          }
        });
    modules.add(new KlingModule());
    modules.add(new StoreModule());
    modules.add(new WorkflowModule());
    modules.add(new OperationsModule());
    modules.addAll(List.of(extra));
    return Guice.createInjector(Stage.DEVELOPMENT, modules);
  }

  /** Gets an instance, turning a provisioning failure into the user-facing cause. */
  public static <T> T get(Injector injector, Class<T> type) {
    try {
      return injector.getInstance(type);
    } catch (ProvisionException e) {
      throw rootCause(e);
    }
  }

  static RuntimeException rootCause(ProvisionException e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
      if (cause instanceof ConfigException
          || cause instanceof StoreException
          || cause instanceof IllegalStateException) {
        return (RuntimeException) cause;
      }
    }
    return e;
  }
}
