package dev.klingbot.app.fleet;

import static java.util.Objects.requireNonNull;

import dev.klingbot.config.DatabaseConfig;
import dev.klingbot.config.QuotaConfig;
import dev.klingbot.core.Platform;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditEvent;
import dev.klingbot.core.edit.EditRequest;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.edit.KlingSession;
import dev.klingbot.core.edit.Origin;
import dev.klingbot.core.edit.SourceVideo;
import dev.klingbot.core.edit.TaskProgress;
import dev.klingbot.core.quota.QuotaService;
import dev.klingbot.core.quota.Reservation;
import dev.klingbot.core.store.Database;
import dev.klingbot.core.store.EditStore;
import dev.klingbot.core.store.ServerSettingsStore;
import dev.klingbot.core.testing.SimulatorClients;
import dev.klingbot.core.testing.TestDatabases;
import dev.klingbot.kling.EditMode;
import dev.klingbot.kling.InitSelectionRequest;
import dev.klingbot.kling.InitSelectionResult;
import dev.klingbot.kling.KlingClient;
import dev.klingbot.kling.TaskDuration;
import dev.klingbot.kling.TaskMode;
import dev.klingbot.simulator.KlingSimulator;
import dev.klingbot.simulator.SampleVideos;
import dev.klingbot.simulator.SimulatorOptions;
import dev.klingbot.slack.fake.FakeSlack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;

/**
 * Several real bot processes ({@code klingbot run}, each its own JVM) sharing one PostgreSQL
 * schema, with the Kling simulator (cheap results, short tasks) and a fake Slack running in this
 * JVM, and open edits seeded through the core's own stores: submitted, their units reserved through
 * {@link QuotaService}, their Kling session opened, as the job runner finds an edit a user has just
 * submitted. What the simulator and the fake saw is read back as {@link FleetFigures}. Used by
 * {@code TwoProcessesTest} and by {@code benchmarks/run scale}.
 */
public final class Fleet implements AutoCloseable {
  static final String KLING_TOKEN = "fleet-token";
  static final String USER = "U_ALICE";
  private static final Pattern DELIVERED = Pattern.compile("Your edit `([A-Z0-9]{8})` is ready");

  /** Edits of one server: the per-server limit of edits running at once is at most 1,000. */
  private static final int EDITS_PER_SERVER = 500;

  private static final int SEED_THREADS = 4;

  private final Path dir;
  private final FakeSlack slack;
  private final KlingSimulator simulator;
  private final String databaseUrl;
  private final Database database;
  private final EditStore edits;
  private final QuotaService quota;
  private final String botClassPath;
  private final List<BotProcess> processes = new ArrayList<>();
  private final List<String> seeded = new ArrayList<>();

  private Fleet(Path dir, Duration taskTime, String botClassPath) throws IOException {
    this.dir = requireNonNull(dir, "dir is null");
    this.botClassPath = requireNonNull(botClassPath, "botClassPath is null");
    this.databaseUrl = TestDatabases.postgresSchemaUrl();
    this.database = Database.open(new DatabaseConfig(databaseUrl, "", null, SEED_THREADS + 2));
    this.edits = new EditStore(database);
    this.quota = new QuotaService(database, new ServerSettingsStore(database), quotaConfig());
    Path result = SampleVideos.mp4(dir.resolve("result.mp4"), 320, 240, 24, 1);
    this.simulator =
        KlingSimulator.start(
            SimulatorOptions.builder()
                .token(KLING_TOKEN)
                .taskProcessingTime(taskTime)
                .concurrencyLimit(0)
                .resultVideo(result)
                .httpThreads(16)
                .workDirectory(dir.resolve("kling"))
                .build());
    this.slack = new FakeSlack();
  }

  /**
   * Starts the fake Slack, the simulator and a fresh PostgreSQL schema (skipped when PostgreSQL is
   * not reachable, unless {@code KLINGBOT_REQUIRE_POSTGRES=1}).
   *
   * @param taskTime how long each simulated Kling task runs
   * @param botClassPath the class path the bot processes run with (this JVM's in tests, the app jar
   *     in the benchmark)
   */
  public static Fleet open(Path dir, Duration taskTime, String botClassPath) throws IOException {
    return new Fleet(dir, taskTime, botClassPath);
  }

  /** The quotas of the seeded servers and of the bot processes: generous, so that none refuses. */
  static QuotaConfig quotaConfig() {
    return new QuotaConfig(
        new QuotaConfig.QuotaDefaults(1_000_000, 10_000_000, 1_000_000, 1000, true, true, "UTC"),
        QuotaConfig.Costs.standard());
  }

  /** Units one seeded edit costs (a 5-second std removal). */
  public int unitsPerEdit() {
    return quota.cost(TaskMode.STD, TaskDuration.FIVE);
  }

  /**
   * Seeds {@code count} submitted edits of Slack users in threads of their own, all on one Kling
   * session, with their units reserved (on four threads); returns their ids.
   */
  public List<String> seed(int count) throws IOException, InterruptedException {
    String sessionId = openSession();
    Instant now = Instant.now();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(String.format("FL%06d", seeded.size() + i));
    }
    int first = seeded.size();
    ExecutorService pool = Executors.newFixedThreadPool(SEED_THREADS);
    try {
      List<Future<?>> pending = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = first + i;
        String id = ids.get(i);
        pending.add(pool.submit(() -> seedOne(id, index, sessionId, now)));
      }
      for (Future<?> future : pending) {
        future.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("seeding failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    seeded.addAll(ids);
    return List.copyOf(seeded);
  }

  private void seedOne(String id, int index, String sessionId, Instant now) {
    String server = FakeSlack.TEAM + "-" + (index / EDITS_PER_SERVER);
    Origin origin =
        new Origin(
            Platform.SLACK,
            server,
            "C_FLEET",
            String.format("1700000000.%06d", index),
            USER,
            "alice");
    EditRequest request =
        new EditRequest(
            "remove the orange ball",
            "Remove “the orange ball”",
            EditMode.REMOVAL,
            "Delete the orange ball from <<<video_1>>>",
            null,
            false,
            TaskMode.STD,
            TaskDuration.FIVE,
            unitsPerEdit());
    // the source file is not there: the bot posts no before-and-after comparison
    SourceVideo video =
        new SourceVideo(
            "clip.mp4", dir.resolve("no-source/clip.mp4").toString(), null, "{}", "{}", false);
    Edit edit = edits.insert(Edit.created(id, origin, request, List.of(), video, now), "seeded");
    edit =
        edits.update(
            edit.withSession(
                new KlingSession(
                    sessionId, now.plus(Duration.ofHours(23)), 1280, 720, 150, 30, null, null)),
            now,
            EditEvent.SESSION_OPENED,
            "seeded");
    Reservation reservation =
        quota.reserve(id, Platform.SLACK, server, USER, TaskMode.STD, TaskDuration.FIVE, now);
    if (!(reservation instanceof Reservation.Granted)) {
      throw new IllegalStateException("quota refused a seeded edit: " + reservation);
    }
    edits.update(
        edit.withState(EditState.SELECTING)
            .withState(EditState.SUBMITTED)
            .withTask(TaskProgress.none().submitted(now)),
        now,
        EditEvent.SUBMITTED,
        unitsPerEdit() + " units reserved");
  }

  /** One Kling session for every seeded edit, opened the way the bot opens one. */
  private String openSession() throws IOException {
    Path clip = SampleVideos.mp4(dir.resolve("clip.mp4"), 1280, 720, 30, 5);
    OkHttpClient http = new OkHttpClient();
    try {
      KlingClient kling =
          SimulatorClients.of(
              simulator, KLING_TOKEN, http, Duration.ofMillis(50), Duration.ofMillis(500), 4);
      InitSelectionResult session =
          kling.initSelection(InitSelectionRequest.ofVideoUrl(simulator.publishFile(clip)));
      return session.sessionId();
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /**
   * Starts {@code klingbot run} as another process: Slack in HTTP mode against the fake, Kling at
   * the simulator, the shared database, its own media folder, and this lease duration.
   */
  public BotProcess start(String name, Duration lease) throws IOException {
    Path home = Files.createDirectories(dir.resolve(name));
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            botClassPath,
            "dev.klingbot.app.Main",
            "run");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("bot.log").toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(key -> key.startsWith("KLINGBOT_") || key.startsWith("SLACK_"));
    env.remove("DISCORD_TOKEN");
    env.remove("DATABASE_URL");
    env.remove("PORT");
    env.putAll(environment(home, lease));
    BotProcess process = new BotProcess(name, builder.start(), home.resolve("bot.log"));
    processes.add(process);
    return process;
  }

  private Map<String, String> environment(Path home, Duration lease) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("DATABASE_URL", databaseUrl);
    env.put("KLINGBOT_DATABASE_MAX_POOL_SIZE", "6");
    env.put("KLING_BASE_URL", simulator.baseUrl());
    env.put("KLING_API_TOKEN", KLING_TOKEN);
    env.put("SLACK_BOT_TOKEN", FakeSlack.BOT_TOKEN);
    env.put("SLACK_MODE", "http");
    env.put("SLACK_SIGNING_SECRET", "fleet-signing-secret");
    env.put("KLINGBOT_SLACK_API_URL", slack.apiConfig().getMethodsEndpointUrlPrefix());
    env.put("PORT", "0");
    env.put("KLINGBOT_HTTP_HOST", "127.0.0.1");
    env.put("KLINGBOT_MEDIA_WORK_DIR", home.resolve("media").toString());
    // the simulator serves results on 127.0.0.1
    env.put("KLINGBOT_MEDIA_ALLOW_PRIVATE_URLS", "true");
    env.put("KLINGBOT_JOBS_LEASE_DURATION", lease.toMillis() + "ms");
    env.put("KLINGBOT_JOBS_POLL_INITIAL_INTERVAL", "1s");
    env.put("KLINGBOT_JOBS_POLL_MAX_INTERVAL", "2s");
    env.put("KLINGBOT_JOBS_WORKER_THREADS", "4");
    QuotaConfig.QuotaDefaults quotas = quotaConfig().defaults();
    env.put("KLINGBOT_QUOTA_DEFAULTS_DAILY_UNITS", String.valueOf(quotas.dailyUnits()));
    env.put("KLINGBOT_QUOTA_DEFAULTS_MONTHLY_UNITS", String.valueOf(quotas.monthlyUnits()));
    env.put("KLINGBOT_QUOTA_DEFAULTS_USER_DAILY_UNITS", String.valueOf(quotas.userDailyUnits()));
    env.put(
        "KLINGBOT_QUOTA_DEFAULTS_MAX_CONCURRENT_JOBS", String.valueOf(quotas.maxConcurrentJobs()));
    env.put("KLINGBOT_LOG_LEVEL", "WARN");
    return env;
  }

  /** How many result posts the fake Slack received per edit (edits never posted are absent). */
  public Map<String, Integer> deliveries() {
    Map<String, Integer> counts = new HashMap<>();
    for (FakeSlack.Call call : slack.calls()) {
      String shown =
          switch (call.method()) {
            case "chat.postMessage" -> call.param("text") + " " + call.blocks();
            case "files.completeUploadExternal" -> String.valueOf(call.param("initial_comment"));
            default -> "";
          };
      Set<String> ids = new HashSet<>();
      Matcher matcher = DELIVERED.matcher(shown);
      while (matcher.find()) {
        ids.add(matcher.group(1));
      }
      ids.forEach(id -> counts.merge(id, 1, Integer::sum));
    }
    return counts;
  }

  /** How many edits the fake Slack has seen a result post of. */
  public int delivered() {
    return deliveries().size();
  }

  /**
   * Waits until {@code count} edits were delivered or {@code timeout} passed; returns how many
   * were.
   */
  public int awaitDelivered(int count, Duration timeout) throws InterruptedException {
    return await(this::delivered, count, timeout);
  }

  /**
   * Waits until the database has {@code count} edits marked delivered (a result posted just before
   * a kill is marked by the process that takes the edit over, after the lease); returns how many.
   */
  public int awaitMarkedDelivered(int count, Duration timeout) throws InterruptedException {
    return await(this::deliveredInDatabase, count, timeout);
  }

  /**
   * Polls {@code counter} until it reaches {@code count}, failing early when a bot process died.
   */
  private int await(java.util.function.IntSupplier counter, int count, Duration timeout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    int reached = counter.getAsInt();
    while (reached < count && Instant.now().isBefore(deadline)) {
      for (BotProcess process : processes) {
        if (!process.killed() && !process.process().isAlive()) {
          throw new IllegalStateException(
              "bot process " + process.name() + " ended:\n" + process.logTail());
        }
      }
      Thread.sleep(100);
      reached = counter.getAsInt();
    }
    return reached;
  }

  /** What the simulator, the fake Slack and the database say about the seeded edits. */
  public FleetFigures figures() {
    return FleetFigures.of(
        seeded, deliveries(), simulator.taskCalls(), simulator.tasks().size(), this);
  }

  /** The units committed in the quota ledger for the seeded edits, and how many are committed. */
  int[] committedUnits() {
    return database
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT COUNT(*) AS edits, COALESCE(SUM(units), 0) AS units FROM"
                            + " quota_ledger WHERE state = 'COMMITTED'")
                    .map((rs, ctx) -> new int[] {rs.getInt("edits"), rs.getInt("units")})
                    .one());
  }

  /** How many seeded edits the database has as delivered. */
  int deliveredInDatabase() {
    return database
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery("SELECT COUNT(*) FROM edits WHERE delivered_at IS NOT NULL")
                    .mapTo(Integer.class)
                    .one());
  }

  public List<BotProcess> processes() {
    return List.copyOf(processes);
  }

  @Override
  public void close() {
    for (BotProcess process : processes) {
      process.stop();
    }
    slack.close();
    simulator.close();
    database.close();
  }
}
