package dev.klingbot.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Named;
import dev.klingbot.app.editor.EditorRoute;
import dev.klingbot.app.http.AppHttpServer;
import dev.klingbot.app.http.CallbackRoute;
import dev.klingbot.app.http.MediaRoute;
import dev.klingbot.config.KlingbotConfig;
import dev.klingbot.core.chat.ChatPorts;
import dev.klingbot.core.media.AddressGuard;
import dev.klingbot.core.media.Downloads;
import dev.klingbot.core.quota.QuotaService;
import dev.klingbot.core.relay.EditorLinks;
import dev.klingbot.core.relay.MediaRelay;
import dev.klingbot.core.relay.UrlSigner;
import dev.klingbot.core.store.EditStore;
import dev.klingbot.core.store.SelectionStore;
import dev.klingbot.core.store.ServerSettingsStore;
import dev.klingbot.core.store.SettingsStore;
import dev.klingbot.core.workflow.EditService;
import dev.klingbot.core.workflow.InstanceId;
import dev.klingbot.core.workflow.WebhookSignature;
import dev.klingbot.core.workflow.Workflow;
import dev.klingbot.core.workflow.WorkflowSettings;
import dev.klingbot.kling.KlingClient;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** The HTTP server, URL signing, the chat port registry and the workflow. */
public final class WorkflowModule extends AbstractModule {

  @Provides
  @Singleton
  AppHttpServer httpServer(KlingbotConfig config, AppOptions options, Lifecycle lifecycle) {
    AppHttpServer server =
        options.localHttp()
            ? new AppHttpServer("127.0.0.1", 0, AppHttpServer.Limits.from(config.http()))
            : new AppHttpServer(
                config.http().host(),
                config.http().port(),
                AppHttpServer.Limits.from(config.http()));
    server.start();
    return lifecycle.manage(server);
  }

  /** Where Kling and users reach the HTTP server, or null when not configured. */
  @Provides
  @Singleton
  @Named("publicBaseUrl")
  Optional<String> publicBaseUrl(KlingbotConfig config, AppOptions options, AppHttpServer server) {
    if (config.http().publicBaseUrl() != null) {
      return Optional.of(config.http().publicBaseUrl());
    }
    if (options.localHttp()) {
      return Optional.of("http://127.0.0.1:" + server.port());
    }
    return Optional.empty();
  }

  @Provides
  @Singleton
  UrlSigner signer(KlingbotConfig config, SettingsStore settings) {
    if (config.http().signingKey() != null) {
      return new UrlSigner(config.http().signingKey().reveal());
    }
    String generated =
        settings.getOrCreate(
            "url-signing-key",
            () -> {
              byte[] key = new byte[32];
              new SecureRandom().nextBytes(key);
              return HexFormat.of().formatHex(key);
            });
    return new UrlSigner(generated);
  }

  @Provides
  @Singleton
  MediaRelay relay(
      KlingbotConfig config,
      @Named("publicBaseUrl") Optional<String> publicBaseUrl,
      UrlSigner signer,
      Clock clock) {
    return new MediaRelay(
        Path.of(config.media().workDir()),
        publicBaseUrl.orElse(null),
        signer,
        config.http().relayUrlTtl(),
        clock);
  }

  @Provides
  @Singleton
  EditorLinks editorLinks(
      @Named("publicBaseUrl") Optional<String> publicBaseUrl, UrlSigner signer, Clock clock) {
    return new EditorLinks(publicBaseUrl.orElse(null), signer, clock);
  }

  @Provides
  @Singleton
  ChatPorts chatPorts() {
    return new ChatPorts();
  }

  @Provides
  @Singleton
  Downloads downloads(OkHttpClient http, KlingbotConfig config, AppOptions options) {
    AddressGuard guard = AddressGuard.of(config.media().allowPrivateUrls());
    HttpUrl kling = HttpUrl.parse(config.kling().baseUrl());
    if (options.localHttp() && kling != null) {
      // --simulate: results and previews come from the embedded simulator on 127.0.0.1
      guard = guard.allowing(kling);
    }
    return new Downloads(http, config.media().downloadTimeout(), guard);
  }

  @Provides
  @Singleton
  WorkflowSettings workflowSettings(
      KlingbotConfig config, @Named("publicBaseUrl") Optional<String> publicBaseUrl) {
    return WorkflowSettings.from(config, publicBaseUrl.orElse(null), InstanceId.create());
  }

  @Provides
  @Singleton
  Workflow workflow(
      KlingClient kling,
      EditStore edits,
      SelectionStore selections,
      ServerSettingsStore serverSettings,
      QuotaService quota,
      ChatPorts chats,
      Downloads downloads,
      MediaRelay relay,
      EditorLinks editorLinks,
      KlingbotConfig config,
      WorkflowSettings settings,
      AppHttpServer server,
      Lifecycle lifecycle,
      com.google.inject.Provider<dev.klingbot.core.conversation.ConversationHandler> conversation,
      Clock clock,
      dev.klingbot.core.metrics.WorkflowMetrics metrics) {
    Optional<WebhookSignature> signature =
        Optional.ofNullable(config.kling().webhookSecret())
            .map(secret -> new WebhookSignature(secret.reveal()));
    Workflow workflow =
        new Workflow(
            kling,
            edits,
            selections,
            serverSettings,
            quota,
            chats,
            downloads,
            relay,
            editorLinks,
            signature,
            settings,
            clock,
            metrics);
    server.route("/media/", new MediaRoute(relay));
    server.route("/kling/callback/", new CallbackRoute(workflow.callbacks()));
    server.route(
        EditorRoute.PREFIX,
        new EditorRoute(workflow.service(), conversation::get, edits, editorLinks, chats, clock));
    return lifecycle.manage(workflow);
  }

  @Provides
  EditService editService(Workflow workflow) {
    return workflow.service();
  }

  @Provides
  @Singleton
  dev.klingbot.core.conversation.ConversationHandler conversation(
      EditService edits, dev.klingbot.core.admin.AdminService admin, ChatPorts chats, Clock clock) {
    return new dev.klingbot.core.conversation.ConversationHandler(edits, admin, chats, clock);
  }
}
