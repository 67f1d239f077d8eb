package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpServer;
import dev.klingbot.simulator.media.FfmpegLogging;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local HTTP server that behaves like Kling's multi-elements video editing API (see {@code
 * kling-api.md}), for developing and testing without a Kling account.
 *
 * <p>Routes are served under the gateway prefix ({@link #baseUrl()}, {@code .../kling}) and without
 * it ({@link #officialBaseUrl()}), like the official API. Media it generates (normalized videos,
 * previews, results) is served under {@code /files/} with byte-range support and no auth.
 *
 * <p>Test helpers: {@link #faults()} to inject errors at runtime, {@link #requests()} to inspect
 * what arrived, {@link #tasks()} and {@link #sessions()} snapshots, {@link #advance(Duration)} to
 * move the simulator's clock, {@link #awaitTask} to wait for a task to end, {@link
 * #publishFile(Path)} to serve a local file.
 */
public final class KlingSimulator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KlingSimulator.class);

  static {
    // The JDK server flushes headers and body separately; without TCP_NODELAY every answer waits
    // ~40 ms for a delayed ACK. The property is read once per JVM, when the first server starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final SimulatorOptions options;
  private final HttpServer server;
  private final Path workDirectory;
  private final boolean ownsWorkDirectory;
  private final String hostUrl;
  private final SimulatorClock clock;
  private final Faults faults;
  private final RequestLog requestLog;
  private final TaskCalls taskCalls = new TaskCalls();
  private final MediaFiles files;
  private final SessionStore sessions;
  private final TaskStore tasks;
  private final TaskLifecycle lifecycle;
  private final ExecutorService httpPool;
  private final ExecutorService renderPool;
  private final ExecutorService callbackPool;
  private final ScheduledExecutorService scheduler;

  private KlingSimulator(SimulatorOptions options) throws IOException {
    this.options = options;
    FfmpegLogging.quiet();
    Optional<Path> kept =
        options.workDirectory().or(() -> options.stateDirectory().map(d -> d.resolve("media")));
    this.ownsWorkDirectory = kept.isEmpty();
    this.workDirectory =
        kept.isPresent()
            ? Files.createDirectories(kept.get())
            : Files.createTempDirectory("kling-simulator-");
    SimulatorState state =
        options.stateDirectory().isPresent()
            ? SimulatorState.in(
                Files.createDirectories(options.stateDirectory().get()), workDirectory)
            : SimulatorState.none();
    this.server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getByName(options.bindHost()), options.port()), 0);
    int port = server.getAddress().getPort();
    this.hostUrl =
        options.publicBaseUrl().map(KlingSimulator::stripSlash).orElse(hostUrl(options, port));

    Ids ids = new Ids(options.wallClock());
    Dice faultDice = new Dice(options.randomSeed() * 31 + 7);
    this.clock = new SimulatorClock(options.clock());
    this.faults = new Faults(options.faults());
    this.requestLog = new RequestLog();
    this.files = new MediaFiles(hostUrl, ids);
    this.sessions = new SessionStore(options.sessionTtl(), ids, state);
    this.tasks = new TaskStore(options.concurrencyLimit(), state);
    state.load(
        sessions,
        tasks,
        files,
        ids,
        clock.instant(),
        options.sessionTtl(),
        options.videoRetention());

    this.httpPool = Executors.newFixedThreadPool(options.httpThreads(), daemon("kling-sim-http"));
    this.renderPool =
        Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors() / 2),
            daemon("kling-sim-render"));
    this.callbackPool = Executors.newSingleThreadExecutor(daemon("kling-sim-callback"));
    this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("kling-sim-clock"));

    HttpClient httpClient = Downloader.newClient();
    Downloader downloader = new Downloader(httpClient);
    CallbackSender callbacks =
        new CallbackSender(
            httpClient,
            options.callbackTimeout(),
            options
                .webhookSecret()
                .map(secret -> new WebhookSigner(secret, options.wallClock(), ids)),
            callbackPool);
    this.lifecycle =
        new TaskLifecycle(
            tasks,
            clock,
            options.taskProcessingTime(),
            renderPool,
            callbacks,
            files,
            ids,
            workDirectory,
            options.resultVideo());
    Authenticator authenticator =
        new Authenticator(
            options.token(),
            options.accessKey().map(key -> new JwtVerifier(key, options.wallClock())));
    ApiRouter.Endpoints endpoints =
        new ApiRouter.Endpoints(
            new InitSelectionEndpoint(
                sessions,
                tasks,
                files,
                downloader,
                clock,
                workDirectory.resolve("videos"),
                options.maxVideoBytes(),
                options.videoRetention(),
                ids),
            new SelectionEndpoints(sessions, clock),
            new PreviewEndpoint(sessions, files, clock, workDirectory.resolve("previews")),
            new CreateTaskEndpoint(
                sessions,
                tasks,
                new ReferenceImages(downloader, options.maxImageBytes()),
                faults,
                faultDice,
                ids,
                clock,
                callbacks,
                taskCalls),
            new QueryTaskEndpoint(tasks));
    server.createContext(
        "/",
        new ApiRouter(
            requestLog,
            new MediaFileHandler(files),
            new FaultInjector(faults, faultDice),
            authenticator,
            endpoints,
            clock,
            taskCalls));
    server.setExecutor(httpPool);
  }

  /** Starts a simulator with {@code options}; close it when done. */
  public static KlingSimulator start(SimulatorOptions options) throws IOException {
    requireNonNull(options, "options is null");
    KlingSimulator simulator = new KlingSimulator(options);
    simulator.server.start();
    long interval = options.tickInterval().toMillis();
    simulator.scheduler.scheduleWithFixedDelay(
        simulator::tickQuietly, interval, interval, TimeUnit.MILLISECONDS);
    LOG.info("Kling simulator listening on {}", simulator.baseUrl());
    return simulator;
  }

  /** Starts a simulator with default options. */
  public static KlingSimulator start() throws IOException {
    return start(SimulatorOptions.defaults());
  }

  private static String hostUrl(SimulatorOptions options, int port) {
    String host = options.bindHost();
    if (host.equals("0.0.0.0") || host.equals("::") || host.isEmpty()) {
      host = "127.0.0.1";
    } else if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + port;
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private void tickQuietly() {
    try {
      lifecycle.tick();
      sessions.purge(clock.instant());
    } catch (RuntimeException e) {
      LOG.warn("task tick failed", e);
    }
  }

  /** The options it runs with. */
  public SimulatorOptions options() {
    return options;
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The gateway-style base URL, e.g. {@code http://127.0.0.1:PORT/kling}. */
  public String baseUrl() {
    return hostUrl + ApiRouter.GATEWAY_PREFIX;
  }

  /** The base URL without the gateway prefix, like the official API's host. */
  public String officialBaseUrl() {
    return hostUrl;
  }

  /** The directory generated media goes to ({@code media} in the state directory, if any). */
  public Path workDirectory() {
    return workDirectory;
  }

  /** The live fault settings; change them at any time. */
  public Faults faults() {
    return faults;
  }

  /** The simulator's current time. */
  public Instant now() {
    return clock.instant();
  }

  /**
   * Moves the simulator's time forward (a {@link SettableClock} given in the options moves along)
   * and applies the task transitions now due. A result still rendering finishes in the background;
   * see {@link #awaitTask}.
   */
  public void advance(Duration duration) {
    clock.advance(duration);
    lifecycle.tick();
  }

  /** Applies the task transitions due at the current time (the scheduler also does so). */
  public void tick() {
    lifecycle.tick();
  }

  /** The requests received so far (the last 10,000), oldest first. */
  public List<RecordedRequest> requests() {
    return requestLog.snapshot();
  }

  /** How many requests had a path ending with {@code pathSuffix}. */
  public int requestCount(String pathSuffix) {
    return requestLog.count(pathSuffix);
  }

  public void clearRequests() {
    requestLog.clear();
  }

  /**
   * Every create-task and query-task call with its time and caller, for checks that no task was
   * created twice or followed by two clients at once.
   */
  public TaskCalls taskCalls() {
    return taskCalls;
  }

  /** Every task, oldest first. */
  public List<TaskSnapshot> tasks() {
    return tasks.snapshot();
  }

  /** The task with this task id or external task id. */
  public Optional<TaskSnapshot> task(String id) {
    return tasks.find(id);
  }

  /** Every session, oldest first. */
  public List<SessionSnapshot> sessions() {
    return sessions.snapshot();
  }

  /**
   * Waits until the task is {@code succeed} or {@code failed} and returns it. The simulator time
   * must reach the task's end: advance it first when it is a {@link SettableClock}.
   *
   * @throws TimeoutException when the task is still running after {@code timeout}
   */
  public TaskSnapshot awaitTask(String taskId, Duration timeout)
      throws TimeoutException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      TaskSnapshot task =
          tasks.find(taskId).orElseThrow(() -> new IllegalArgumentException("no task " + taskId));
      if (task.finished()) {
        return task;
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("task " + taskId + " is still " + task.status());
      }
      Thread.sleep(20);
    }
  }

  /** Serves a local file under {@code /files/} and returns its URL (no auth needed). */
  public String publishFile(Path file) {
    requireNonNull(file, "file is null");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("not a file: " + file);
    }
    return files.publish(file.toAbsolutePath());
  }

  /** Stops the server and its threads; deletes the work directory if it made it. */
  @Override
  public void close() {
    server.stop(0);
    scheduler.shutdownNow();
    renderPool.shutdownNow();
    callbackPool.shutdownNow();
    httpPool.shutdownNow();
    try {
      renderPool.awaitTermination(10, TimeUnit.SECONDS);
      httpPool.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (ownsWorkDirectory) {
      deleteRecursively(workDirectory);
    }
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(KlingSimulator::deleteQuietly);
    } catch (IOException | UncheckedIOException e) {
      LOG.debug("cannot delete {}: {}", directory, e.toString());
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.debug("cannot delete {}: {}", path, e.toString());
    }
  }
}
