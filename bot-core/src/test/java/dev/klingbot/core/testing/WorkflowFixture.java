package dev.klingbot.core.testing;

import dev.klingbot.config.JobsConfig;
import dev.klingbot.config.KlingbotConfig;
import dev.klingbot.config.QuotaConfig;
import dev.klingbot.core.Platform;
import dev.klingbot.core.Requester;
import dev.klingbot.core.chat.ChatPorts;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.media.Downloads;
import dev.klingbot.core.quota.QuotaService;
import dev.klingbot.core.relay.EditorLinks;
import dev.klingbot.core.relay.MediaRelay;
import dev.klingbot.core.relay.MediaStore;
import dev.klingbot.core.relay.UrlSigner;
import dev.klingbot.core.store.Database;
import dev.klingbot.core.store.EditStore;
import dev.klingbot.core.store.SelectionStore;
import dev.klingbot.core.store.ServerSettingsStore;
import dev.klingbot.core.workflow.MediaSource;
import dev.klingbot.core.workflow.Reply;
import dev.klingbot.core.workflow.StartEdit;
import dev.klingbot.core.workflow.Workflow;
import dev.klingbot.core.workflow.WorkflowSettings;
import dev.klingbot.kling.KlingClient;
import dev.klingbot.simulator.KlingSimulator;
import dev.klingbot.simulator.SampleVideos;
import dev.klingbot.simulator.SimulatorOptions;
import dev.klingbot.testing.SettableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import okhttp3.OkHttpClient;

/**
 * The whole workflow for tests, wired like the app does but in-process: the Kling simulator over
 * real HTTP, the real SDK, an H2 (or PostgreSQL) database, and a recording chat platform. The
 * adapters' tests build on it too.
 */
public final class WorkflowFixture implements AutoCloseable {
  public final KlingSimulator simulator;
  public final Database database;
  public final EditStore edits;
  public final SelectionStore selections;
  public final ServerSettingsStore serverSettings;
  public final QuotaService quota;
  public final ChatPorts chats = new ChatPorts();
  public final Path workDir;
  public final OkHttpClient http = new OkHttpClient();
  public final KlingClient kling;
  private final Clock clock;
  private final WorkflowSettings settings;
  private final com.sun.net.httpserver.HttpServer relayServer;
  private final MediaRelay relay;
  private final java.util.List<String> relayed =
      java.util.Collections.synchronizedList(new java.util.ArrayList<>());
  private MediaStore mediaStore;
  private Workflow workflow;

  public WorkflowFixture(
      SimulatorOptions.Builder simulatorOptions, Database database, Clock clock) {
    this(simulatorOptions, database, clock, true);
  }

  /**
   * @param publicAddress whether the bot has a public base URL (Kling can fetch relayed files);
   *     without one, local files cannot be handed to Kling
   */
  private WorkflowFixture(
      SimulatorOptions.Builder simulatorOptions,
      Database database,
      Clock clock,
      boolean publicAddress) {
    try {
      this.simulator = KlingSimulator.start(simulatorOptions.token("fixture-token").build());
      this.workDir = Files.createTempDirectory("klingbot-fixture");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.database = database;
    this.clock = clock;
    this.edits = new EditStore(database);
    this.selections = new SelectionStore(database);
    this.serverSettings = new ServerSettingsStore(database);
    this.quota = new QuotaService(database, serverSettings, QuotaConfig.defaultConfig());
    this.kling =
        SimulatorClients.of(
            simulator, "fixture-token", http, Duration.ofMillis(20), Duration.ofMillis(100), 4);
    try {
      this.relayServer =
          com.sun.net.httpserver.HttpServer.create(
              new java.net.InetSocketAddress("127.0.0.1", 0), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String publicBaseUrl =
        publicAddress ? "http://127.0.0.1:" + relayServer.getAddress().getPort() : null;
    KlingbotConfig config = KlingbotConfig.defaults();
    this.settings =
        new WorkflowSettings(
            config.kling().modelName(),
            workDir.resolve("media"),
            config.media().maxVideoSize().bytes(),
            config.media().maxImageSize().bytes(),
            new JobsConfig(
                Duration.ofMillis(200),
                Duration.ofMillis(500),
                Duration.ofHours(6),
                Duration.ofHours(24),
                Duration.ofSeconds(30),
                2,
                JobsConfig.defaults().transientRetryWindow()),
            publicBaseUrl,
            "test-instance",
            Duration.ofDays(7),
            config.limits().openEditsPerUser(),
            config.limits().startsPerUserPerMinute(),
            config.media().diskBudget().bytes());
    UrlSigner signer = new UrlSigner("fixture-signing-key-0123456789");
    this.relay =
        new MediaRelay(settings.workDir(), publicBaseUrl, signer, Duration.ofHours(1), clock);
    this.mediaStore = relay;
    relayServer.createContext("/media/", this::serveRelay);
    relayServer.start();
    this.workflow = newWorkflow();
  }

  /** The admin commands over this fixture's stores, with each platform's command syntax. */
  public dev.klingbot.core.admin.AdminService admin() {
    return new dev.klingbot.core.admin.AdminService(
        serverSettings,
        quota,
        QuotaConfig.defaultConfig(),
        workDir.resolve("reports"),
        clock,
        chats::syntax);
  }

  /** The one conversation handler, as the app wires it, over this fixture's workflow. */
  public dev.klingbot.core.conversation.ConversationHandler conversation() {
    return new dev.klingbot.core.conversation.ConversationHandler(
        workflow().service(), admin(), chats, clock);
  }

  /**
   * A simulator whose tasks take one second, an in-memory H2 and {@code clock}: for tests that
   * drive the job runner by hand.
   */
  public static WorkflowFixture handDriven(Clock clock) {
    return new WorkflowFixture(
        SimulatorOptions.builder().taskProcessingTime(Duration.ofSeconds(1)),
        TestDatabases.h2(),
        clock);
  }

  /** A recording Discord chat, registered, with the runner following Discord edits. */
  public RecordingChat recordDiscord() {
    RecordingChat chat = new RecordingChat(Platform.DISCORD);
    chats.register(chat);
    workflow().runner().follow(Platform.DISCORD);
    return chat;
  }

  /** Starts an edit of the 1280×720, 5-second sample clip: "remove the ball". */
  public Reply startSample(Requester who) {
    return startSample(who, "remove the ball");
  }

  /** Starts an edit of the 1280×720, 5-second sample clip with {@code instruction}. */
  public Reply startSample(Requester who, String instruction) {
    return workflow()
        .service()
        .start(who, StartEdit.of(sampleVideo(1280, 720, 30, 5), instruction));
  }

  /** A simulator with quick tasks, an in-memory H2 and the system clock. */
  public static WorkflowFixture quick() {
    return new WorkflowFixture(
        SimulatorOptions.builder().taskProcessingTime(Duration.ofSeconds(2)),
        TestDatabases.h2(),
        Clock.systemUTC());
  }

  /** A quick fixture whose bot has no public base URL, as a fresh install without one. */
  public static WorkflowFixture withoutPublicAddress() {
    return new WorkflowFixture(
        SimulatorOptions.builder().taskProcessingTime(Duration.ofSeconds(2)),
        TestDatabases.h2(),
        Clock.systemUTC(),
        false);
  }

  public static WorkflowFixture with(UnaryOperator<SimulatorOptions.Builder> options) {
    return new WorkflowFixture(
        options.apply(SimulatorOptions.builder().taskProcessingTime(Duration.ofSeconds(2))),
        TestDatabases.h2(),
        Clock.systemUTC());
  }

  /**
   * Restarts the workflow with another media store (an S3 bucket instead of the relay); the store
   * works on {@link WorkflowSettings#workDir()}.
   */
  public Workflow useMediaStore(MediaStore store) {
    this.mediaStore = java.util.Objects.requireNonNull(store, "store is null");
    return restart();
  }

  /** A new workflow on the same database, as after a restart. */
  public Workflow newWorkflow() {
    return newWorkflow(kling);
  }

  /** A new workflow on the same database that calls Kling through {@code kling}. */
  public Workflow newWorkflow(KlingClient kling) {
    EditorLinks links =
        new EditorLinks(null, new UrlSigner("fixture-signing-key-0123456789"), clock);
    return new Workflow(
        kling,
        edits,
        selections,
        serverSettings,
        quota,
        chats,
        new Downloads(
            http, Duration.ofMinutes(5), dev.klingbot.core.media.AddressGuard.allowingPrivate()),
        mediaStore,
        links,
        Optional.empty(),
        settings,
        clock,
        dev.klingbot.core.metrics.WorkflowMetrics.none());
  }

  /** A minimal stand-in for the app's relay route: Kling (the simulator) fetches files here. */
  private void serveRelay(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
    try (exchange) {
      String path =
          java.net.URLDecoder.decode(
              exchange.getRequestURI().getRawPath().substring("/media/".length()),
              java.nio.charset.StandardCharsets.UTF_8);
      java.util.Map<String, String> query = new java.util.HashMap<>();
      for (String pair : String.valueOf(exchange.getRequestURI().getRawQuery()).split("&")) {
        String[] kv = pair.split("=", 2);
        query.put(kv[0], kv.length > 1 ? kv[1] : "");
      }
      relayed.add(path);
      Optional<Path> file = relay.resolve(path, query.get("exp"), query.get("sig"));
      if (file.isEmpty()) {
        exchange.sendResponseHeaders(403, -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "video/mp4");
      exchange.sendResponseHeaders(200, Files.size(file.get()));
      try (var out = exchange.getResponseBody()) {
        Files.copy(file.get(), out);
      }
    }
  }

  public MediaRelay relay() {
    return relay;
  }

  /** The paths (under the media folder) Kling fetched through the relay, in order. */
  public java.util.List<String> relayedPaths() {
    return java.util.List.copyOf(relayed);
  }

  /**
   * Waits (polling the store, while the runner's own threads work) until edit {@code id} is
   * delivered, for at most {@code wait}; returns it delivered.
   */
  public Edit awaitDelivered(String id, Duration wait) throws InterruptedException {
    Instant deadline = Instant.now().plus(wait);
    while (Instant.now().isBefore(deadline)) {
      Edit edit = edits.find(id).orElseThrow();
      if (edit.outcome().deliveredAt() != null) {
        return edit;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("edit " + id + " was not delivered within " + wait);
  }

  /** Starts an edit of the sample clip for {@code who} and submits it; returns it as started. */
  public Edit startAndSubmit(Requester who) {
    Edit edit = startSample(who).edit();
    workflow().service().submit(who, edit.id());
    return edit;
  }

  /**
   * Steps the runner by hand until edit {@code id} is delivered (for at most a minute), moving
   * {@code clock} one second on after each step and the simulator by {@code simulatorStep} (zero:
   * the simulator keeps its own time); returns the edit delivered.
   */
  public Edit stepUntilDelivered(String id, SettableClock clock, Duration simulatorStep)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      workflow().runner().runOnce();
      Edit edit = edits.find(id).orElseThrow();
      if (edit.outcome().deliveredAt() != null) {
        return edit;
      }
      clock.advance(Duration.ofSeconds(1));
      if (!simulatorStep.isZero()) {
        simulator.advance(simulatorStep);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("edit " + id + " was not delivered");
  }

  /**
   * Restarts the workflow as after a crash, follows {@code platform}'s edits, and steps the runner
   * twice by hand, each time five minutes later on {@code clock}.
   */
  public void restartAndStepTwice(Platform platform, SettableClock clock) {
    restart().runner().follow(platform);
    clock.advance(Duration.ofMinutes(5));
    workflow().runner().runOnce();
    clock.advance(Duration.ofMinutes(5));
    workflow().runner().runOnce();
  }

  public Workflow workflow() {
    return workflow;
  }

  /** Closes the current workflow (like a crash: the runner stops mid-work) and makes a new one. */
  public Workflow restart() {
    workflow.close();
    workflow = newWorkflow();
    return workflow;
  }

  public WorkflowSettings settings() {
    return settings;
  }

  /** A sample clip published by the simulator's file server, as a link a user would paste. */
  public MediaSource.Url sampleVideo(int width, int height, double fps, double seconds) {
    try {
      Path file =
          SampleVideos.mp4(
              workDir.resolve(
                  "sample-" + width + "x" + height + "-" + fps + "-" + seconds + ".mp4"),
              width,
              height,
              fps,
              seconds);
      return new MediaSource.Url(simulator.publishFile(file), "clip.mp4", null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A sample clip on disk, as the console would give it. */
  public MediaSource.File sampleFile(int width, int height, double fps, double seconds) {
    try {
      Path file =
          SampleVideos.mp4(
              workDir.resolve("file-" + width + "x" + height + "-" + fps + "-" + seconds + ".mp4"),
              width,
              height,
              fps,
              seconds);
      return MediaSource.File.of(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Requester requester(Platform platform, String user) {
    return new Requester(platform, "guild-1", "channel-1", null, user, user, false, null);
  }

  @Override
  public void close() {
    workflow.close();
    simulator.close();
    relayServer.stop(0);
    database.close();
  }
}
