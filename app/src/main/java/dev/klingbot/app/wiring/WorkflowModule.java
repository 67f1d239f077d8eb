package dev.klingbot.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;
import com.google.inject.name.Named;
import dev.klingbot.app.editor.EditorRoute;
import dev.klingbot.app.http.AppHttpServer;
import dev.klingbot.app.http.CallbackRoute;
import dev.klingbot.app.http.HttpRoute;
import dev.klingbot.app.http.MediaRoute;
import dev.klingbot.config.KlingbotConfig;
import dev.klingbot.core.admin.AdminService;
import dev.klingbot.core.chat.ChatPorts;
import dev.klingbot.core.conversation.ConversationHandler;
import dev.klingbot.core.instruction.InstructionParser;
import dev.klingbot.core.media.AddressGuard;
import dev.klingbot.core.media.Downloads;
import dev.klingbot.core.media.FrameExtractor;
import dev.klingbot.core.media.VideoConformer;
import dev.klingbot.core.media.VideoProbe;
import dev.klingbot.core.media.VideoRules;
import dev.klingbot.core.metrics.WorkflowMetrics;
import dev.klingbot.core.quota.QuotaService;
import dev.klingbot.core.relay.EditorLinks;
import dev.klingbot.core.relay.MediaRelay;
import dev.klingbot.core.relay.MediaStore;
import dev.klingbot.core.relay.UrlSigner;
import dev.klingbot.core.store.EditStore;
import dev.klingbot.core.store.ServerSettingsStore;
import dev.klingbot.core.store.SettingsStore;
import dev.klingbot.core.workflow.Delivery;
import dev.klingbot.core.workflow.EditIntake;
import dev.klingbot.core.workflow.EditService;
import dev.klingbot.core.workflow.InstanceId;
import dev.klingbot.core.workflow.JobRunner;
import dev.klingbot.core.workflow.KlingCallbacks;
import dev.klingbot.core.workflow.MediaFiles;
import dev.klingbot.core.workflow.SelectionWork;
import dev.klingbot.core.workflow.WebhookSignature;
import dev.klingbot.core.workflow.WorkflowSettings;
import dev.klingbot.kling.KlingClient;
import dev.klingbot.s3.S3MediaStore;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The workflow, one binding per part (constructor injection through provider methods; nothing is
 * started here), URL signing, the chat port registry and the HTTP routes. The HTTP server itself is
 * opened by {@link Injection} and started by {@link HttpService}.
 */
public final class WorkflowModule extends AbstractModule {

  @Override
  protected void configure() {
    bind(FrameExtractor.class).in(Singleton.class);
    bind(VideoProbe.class).in(Singleton.class);
    bind(InstructionParser.class).in(Singleton.class);
    bind(ChatPorts.class).in(Singleton.class);
    bind(EditIntake.class)
        .toConstructor(Constructors.onlyPublic(EditIntake.class))
        .in(Singleton.class);
    bind(SelectionWork.class)
        .toConstructor(Constructors.onlyPublic(SelectionWork.class))
        .in(Singleton.class);
    bind(Delivery.class).toConstructor(Constructors.onlyPublic(Delivery.class)).in(Singleton.class);
  }

  /** Where Kling and users reach the HTTP server, or empty when not configured. */
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

  /**
   * Where shared media live: the relay over the media folder (default) or, with {@code media.store:
   * s3}, the bucket of {@code media.s3} (presigned URLs; the folder stays the working copy).
   */
  @Provides
  @Singleton
  MediaStore mediaStore(KlingbotConfig config, MediaRelay relay, Lifecycle lifecycle) {
    if (!config.media().usesS3()) {
      return relay;
    }
    return lifecycle.manage(
        S3MediaStore.open(Path.of(config.media().workDir()), config.media().s3()));
  }

  @Provides
  @Singleton
  EditorLinks editorLinks(
      @Named("publicBaseUrl") Optional<String> publicBaseUrl, UrlSigner signer, Clock clock) {
    return new EditorLinks(publicBaseUrl.orElse(null), signer, clock);
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
  Optional<WebhookSignature> webhookSignature(KlingbotConfig config) {
    return Optional.ofNullable(config.kling().webhookSecret())
        .map(secret -> new WebhookSignature(secret.reveal()));
  }

  @Provides
  @Singleton
  MediaFiles mediaFiles(WorkflowSettings settings) {
    return new MediaFiles(settings.workDir());
  }

  @Provides
  @Singleton
  VideoRules videoRules(WorkflowSettings settings) {
    return new VideoRules(settings.maxVideoBytes());
  }

  @Provides
  @Singleton
  VideoConformer conformer(VideoProbe probe, VideoRules rules) {
    return new VideoConformer(probe, rules);
  }

  /** The job runner; closed (its threads stopped) with the app. */
  @Provides
  @Singleton
  JobRunner runner(
      EditStore edits,
      QuotaService quota,
      KlingClient kling,
      ChatPorts chats,
      Delivery delivery,
      EditorLinks editorLinks,
      MediaStore mediaStore,
      WorkflowSettings settings,
      Lifecycle lifecycle,
      Clock clock,
      WorkflowMetrics metrics) {
    return lifecycle.manage(
        new JobRunner(
            edits,
            quota,
            kling,
            chats,
            delivery,
            editorLinks,
            mediaStore,
            settings,
            clock,
            metrics));
  }

  @Provides
  @Singleton
  EditService editService(
      EditStore edits,
      ServerSettingsStore serverSettings,
      QuotaService quota,
      InstructionParser parser,
      VideoProbe probe,
      VideoRules rules,
      VideoConformer conformer,
      EditIntake intake,
      SelectionWork selection,
      MediaFiles files,
      EditorLinks editorLinks,
      MediaStore relay,
      JobRunner runner,
      Clock clock) {
    return new EditService(
        edits,
        serverSettings,
        quota,
        parser,
        probe,
        rules,
        conformer,
        intake,
        selection,
        files,
        editorLinks,
        relay,
        runner::wake,
        clock);
  }

  @Provides
  @Singleton
  KlingCallbacks callbacks(
      EditStore edits,
      Optional<WebhookSignature> signature,
      JobRunner runner,
      Clock clock,
      WorkflowMetrics metrics) {
    return new KlingCallbacks(edits, signature, runner::wake, clock, metrics);
  }

  @Provides
  @Singleton
  ConversationHandler conversation(
      EditService edits, AdminService admin, ChatPorts chats, Clock clock) {
    return new ConversationHandler(edits, admin, chats, clock);
  }

  @ProvidesIntoSet
  HttpRoute mediaRoute(MediaRelay relay) {
    return new HttpRoute("/media/", new MediaRoute(relay));
  }

  @ProvidesIntoSet
  HttpRoute callbackRoute(KlingCallbacks callbacks) {
    return new HttpRoute("/kling/callback/", new CallbackRoute(callbacks));
  }

  @ProvidesIntoSet
  HttpRoute editorRoute(
      EditService service,
      Provider<ConversationHandler> conversation,
      EditStore edits,
      EditorLinks editorLinks,
      ChatPorts chats,
      Clock clock) {
    return new HttpRoute(
        EditorRoute.PREFIX,
        new EditorRoute(service, conversation::get, edits, editorLinks, chats, clock));
  }
}
