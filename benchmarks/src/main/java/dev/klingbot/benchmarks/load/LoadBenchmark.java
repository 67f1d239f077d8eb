package dev.klingbot.benchmarks.load;

import dev.klingbot.config.ConfigLoader;
import dev.klingbot.config.KlingbotConfig;
import dev.klingbot.core.relay.MediaRelay;
import dev.klingbot.core.relay.UrlSigner;
import dev.klingbot.core.store.Database;
import dev.klingbot.core.store.EditStore;
import dev.klingbot.core.testing.SimulatorClients;
import dev.klingbot.kling.KlingClient;
import dev.klingbot.simulator.KlingSimulator;
import dev.klingbot.simulator.SampleVideos;
import dev.klingbot.simulator.SimulatorOptions;
import dev.klingbot.slack.fake.FakeSlack;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * {@code benchmarks/run load}: one bot process with {@code -Xmx256m} following 2,000 open edits
 * against the Kling simulator. Measures its idle CPU, the acknowledgement time of 100 Slack slash
 * commands sent at once, and its heap while it relays a 500 MB file; prints heap and thread
 * figures. The simulator, the fake Slack and the clients run in this process; the bot runs from the
 * app's jar in its own JVM.
 *
 * <p>Arguments: {@code --app-jar PATH --bot-classes PATH} (the run script passes them), optionally
 * {@code --edits N}, {@code --idle-seconds S}, {@code --commands N}, {@code --relay-mb N}, {@code
 * --no-history} (the bot starts without finished tasks to learn from).
 */
public final class LoadBenchmark {
  private static final String SIM_TOKEN = "load-sim-token";
  private static final String SIGNING_SECRET = "load-benchmark-slack-signing-secret";
  private static final String HTTP_SIGNING_KEY = "load-benchmark-relay-signing-key";
  private static final Duration TASK_TIME = Duration.ofMinutes(30);
  // the next checks of the open edits fall evenly over this time from the start
  private static final Duration CHECKS_OVER = Duration.ofMinutes(30);
  // bursts of slash commands sent (and answered) before the measured one, so that it meets warm
  // code
  private static final int WARM_BURSTS = 3;
  // measured bursts, pooled into one distribution
  private static final int MEASURED_BURSTS = 5;

  private LoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    String appJar = required(options, "--app-jar");
    String botClasses = required(options, "--bot-classes");
    int editCount = Integer.parseInt(options.getOrDefault("--edits", "2000"));
    int idleSeconds = Integer.parseInt(options.getOrDefault("--idle-seconds", "30"));
    int commands = Integer.parseInt(options.getOrDefault("--commands", "100"));
    long relayMb = Long.parseLong(options.getOrDefault("--relay-mb", "500"));
    boolean history = !options.containsKey("--no-history");
    boolean checkAllFirst = options.containsKey("--check-all-first");
    int historyEdits = Integer.parseInt(options.getOrDefault("--history-edits", "0"));

    Path work = Files.createTempDirectory("klingbot-load-");
    Map<String, String> figures = new LinkedHashMap<>();
    SimulatorOptions simulatorOptions =
        SimulatorOptions.builder()
            .token(SIM_TOKEN)
            .taskProcessingTime(TASK_TIME)
            .concurrencyLimit(0)
            .workDirectory(work.resolve("simulator"))
            .build();
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    try (KlingSimulator simulator = KlingSimulator.start(simulatorOptions);
        FakeSlack slack = new FakeSlack()) {
      int botPort = freePort();
      String botUrl = "http://127.0.0.1:" + botPort;
      Map<String, String> env = new HashMap<>();
      env.put("KLING_BASE_URL", simulator.baseUrl());
      env.put("KLING_API_TOKEN", SIM_TOKEN);
      env.put("DATABASE_URL", "jdbc:h2:file:" + work.resolve("db/klingbot"));
      env.put("KLINGBOT_HTTP_HOST", "127.0.0.1");
      env.put("PORT", Integer.toString(botPort));
      env.put("KLINGBOT_PUBLIC_BASE_URL", botUrl);
      env.put("KLINGBOT_HTTP_SIGNING_KEY", HTTP_SIGNING_KEY);
      env.put("KLINGBOT_MEDIA_WORK_DIR", work.resolve("media").toString());
      env.put("SLACK_BOT_TOKEN", FakeSlack.BOT_TOKEN);
      env.put("SLACK_MODE", "http");
      env.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
      KlingbotConfig config = new ConfigLoader().load(null, env).config();

      System.out.printf(
          Locale.ROOT,
          "Seeding %d open edits (Kling tasks of %d min in the simulator)%s...%n",
          editCount,
          TASK_TIME.toMinutes(),
          history ? ", with 20 finished tasks to learn from" : ", no finished tasks");
      Path clip = SampleVideos.mp4(work.resolve("clip.mp4"), 1280, 720, 24, 5);
      OkHttpClient okHttp = new OkHttpClient();
      KlingClient kling =
          SimulatorClients.of(
              simulator, SIM_TOKEN, okHttp, Duration.ofMillis(100), Duration.ofSeconds(1), 4);
      try (Database database = Database.open(config.database())) {
        EditStore edits = new EditStore(database);
        if (history) {
          OpenEdits.history(edits, 20, TASK_TIME.minusMinutes(5), TASK_TIME.plusMinutes(5));
        }
        if (historyEdits > 0) {
          System.out.printf(
              Locale.ROOT, "Storing %d delivered edits of the past year...%n", historyEdits);
          OpenEdits.delivered(edits, historyEdits, Duration.ofDays(365));
        }
        OpenEdits.seed(
            edits,
            kling,
            simulator.publishFile(clip),
            config.kling().modelName(),
            editCount,
            checkAllFirst ? editCount : editCount / 10,
            CHECKS_OVER);
      }
      okHttp.dispatcher().executorService().shutdown();
      okHttp.connectionPool().evictAll();

      Path media = work.resolve("media");
      Path relayFile = media.resolve("load").resolve("relay-" + relayMb + "mb.mp4");
      Files.createDirectories(relayFile.getParent());
      try (RandomAccessFile file = new RandomAccessFile(relayFile.toFile(), "rw")) {
        file.setLength(relayMb * 1024 * 1024); // sparse: the relay reads it like any file
      }

      String classpath = appJar + java.io.File.pathSeparator + botClasses;
      try (BotProcess bot =
          BotProcess.start(
              jvmOptions(),
              classpath,
              env,
              URI.create(slack.apiConfig().getMethodsEndpointUrlPrefix()).getPort(),
              work.resolve("bot.log"))) {
        String ready = bot.await("ready ", Duration.ofSeconds(120));
        long heapMax = Long.parseLong(ready.replaceAll(".*heap_max_bytes=(\\d+).*", "$1"));
        Prometheus metrics = new Prometheus(http, botUrl);
        int dueNow = checkAllFirst ? editCount : editCount / 10;
        System.out.printf(
            Locale.ROOT,
            "Bot started (pid %d); waiting until it checked the %d edits due now"
                + " (the other edits' checks fall over the next %d min)...%n",
            bot.pid(),
            dueNow,
            CHECKS_OVER.toMinutes());
        double firstRound = checkEdits(bot, metrics, dueNow);
        double warmUp = warmUp(bot);

        double queriesBefore =
            metrics.scrape().sum("klingbot_kling_calls_seconds_count", "operation=\"query_task\"");
        long compileBefore = bot.compileMillis();
        Duration cpuBefore = bot.cpuTime();
        Optional<Duration> jitCpuBefore = bot.compilerCpuTime();
        long idleStart = System.nanoTime();
        Thread.sleep(idleSeconds * 1000L);
        Duration cpuAfter = bot.cpuTime();
        Optional<Duration> jitCpuAfter = bot.compilerCpuTime();
        long compileDuringIdle = bot.compileMillis() - compileBefore;
        double idleWall = (System.nanoTime() - idleStart) / 1e9;
        Prometheus.Scrape afterIdle = metrics.scrape();
        double queriesDuringIdle =
            afterIdle.sum("klingbot_kling_calls_seconds_count", "operation=\"query_task\"")
                - queriesBefore;
        double idleCpuPct = cpuAfter.minus(cpuBefore).toNanos() / 1e9 / idleWall * 100;
        double openEdits =
            afterIdle.sum("klingbot_edits", "state=\"processing\"")
                + afterIdle.sum("klingbot_edits", "state=\"submitted\"");
        System.out.printf(
            Locale.ROOT,
            "Idle for %.0f s: %.2f s of CPU%n",
            idleWall,
            cpuAfter.minus(cpuBefore).toNanos() / 1e9);

        SlashCommandBurst burst = new SlashCommandBurst(http, botUrl, SIGNING_SECRET, slack);
        for (int round = 1; round <= WARM_BURSTS; round++) {
          burst.atOnce(commands, "warm" + round);
          awaitAnswers(slack, round * commands);
        }
        // the warm bursts made the Slack path hot; its compiling is over before the measured ones
        double ackWarmUp = warmUp(bot);
        // Several measured bursts, each after the answers of the one before, pooled: the p99 of
        // 100 times is their slowest, one unlucky scheduling; of 500 it is a steadier figure.
        List<Double> floor = new ArrayList<>();
        List<Double> acks = new ArrayList<>();
        burst.healthAtOnce(commands);
        String loadDuringBurst = loadAverage();
        Duration burstCpu = Duration.ZERO;
        for (int round = 1; round <= MEASURED_BURSTS; round++) {
          floor.addAll(burst.healthAtOnce(commands));
          Duration cpuBeforeBurst = bot.cpuTime();
          acks.addAll(burst.atOnce(commands, "burst" + round));
          burstCpu = burstCpu.plus(bot.cpuTime().minus(cpuBeforeBurst));
          awaitAnswers(slack, (WARM_BURSTS + round) * commands);
        }
        double burstCpuMs = burstCpu.toNanos() / 1e6 / MEASURED_BURSTS;
        Collections.sort(floor);
        Collections.sort(acks);

        long heapBefore = bot.gc();
        String relayUrl =
            new MediaRelay(
                    media,
                    botUrl,
                    new UrlSigner(HTTP_SIGNING_KEY),
                    Duration.ofHours(1),
                    Clock.systemUTC())
                .urlFor(relayFile)
                .orElseThrow();
        Relayed relayed = relay(http, relayUrl, relayMb * 1024 * 1024, bot);
        long heapAfter = bot.gc();
        Prometheus.Scrape afterRelay = metrics.scrape();
        boolean alive = bot.alive();
        boolean oom = !alive || bot.ranOutOfMemory();

        System.out.println();
        figures.put("open_edits", String.format(Locale.ROOT, "%.0f", openEdits));
        figures.put("delivered_edits_in_history", Integer.toString(historyEdits));
        figures.put("heap_max_mb", mb(heapMax));
        figures.put("heap_used_idle_mb", mb(afterIdle.heapUsedBytes()));
        figures.put("threads", String.format(Locale.ROOT, "%.0f", afterIdle.liveThreads()));
        figures.put(
            "threads_after_load", String.format(Locale.ROOT, "%.0f", afterRelay.liveThreads()));
        figures.put("out_of_memory", oom ? "yes" : "no");
        figures.put("edits_checked_at_start", Integer.toString(dueNow));
        figures.put("start_checks_s", String.format(Locale.ROOT, "%.1f", firstRound));
        figures.put("warm_up_s", String.format(Locale.ROOT, "%.0f", warmUp));
        figures.put("idle_seconds", String.format(Locale.ROOT, "%.0f", idleWall));
        figures.put("jit_ms_while_idle", Long.toString(compileDuringIdle));
        figures.put("idle_cpu_pct_of_core", String.format(Locale.ROOT, "%.2f", idleCpuPct));
        if (jitCpuBefore.isPresent() && jitCpuAfter.isPresent()) {
          double jitPct =
              jitCpuAfter.get().minus(jitCpuBefore.get()).toNanos() / 1e9 / idleWall * 100;
          figures.put("idle_cpu_jit_pct_of_core", String.format(Locale.ROOT, "%.2f", jitPct));
          figures.put(
              "idle_cpu_without_jit_pct_of_core",
              String.format(Locale.ROOT, "%.2f", idleCpuPct - jitPct));
        }
        figures.put(
            "kling_queries_while_idle", String.format(Locale.ROOT, "%.0f", queriesDuringIdle));
        figures.put("ack_commands", Integer.toString(commands));
        figures.put("ack_warm_up_s", String.format(Locale.ROOT, "%.0f", ackWarmUp));
        figures.put("ack_bursts", Integer.toString(MEASURED_BURSTS));
        figures.put("ack_p50_ms", String.format(Locale.ROOT, "%.1f", percentile(acks, 50)));
        figures.put("ack_p99_ms", String.format(Locale.ROOT, "%.1f", percentile(acks, 99)));
        figures.put(
            "ack_floor_healthz_p50_ms", String.format(Locale.ROOT, "%.1f", percentile(floor, 50)));
        figures.put(
            "ack_floor_healthz_p99_ms", String.format(Locale.ROOT, "%.1f", percentile(floor, 99)));
        figures.put(
            "ack_p99_vs_healthz_floor",
            String.format(Locale.ROOT, "%.2f", percentile(acks, 99) / percentile(floor, 99)));
        figures.put("ack_burst_bot_cpu_ms", String.format(Locale.ROOT, "%.0f", burstCpuMs));
        figures.put("ack_max_ms", String.format(Locale.ROOT, "%.1f", acks.get(acks.size() - 1)));
        figures.put("machine_cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        figures.put("machine_load_1m_at_burst", loadDuringBurst);
        figures.put("relay_mb", Long.toString(relayMb));
        figures.put("relay_seconds", String.format(Locale.ROOT, "%.1f", relayed.seconds()));
        figures.put(
            "relay_" + relayMb + "mb_heap_growth_mb", mb(relayed.heapHalfway() - heapBefore));
        figures.put("relay_heap_after_mb", mb(heapAfter - heapBefore));
      }
    } finally {
      if (System.getenv("LOAD_DEBUG") == null) {
        deleteQuietly(work);
      } else {
        System.out.println("kept " + work);
      }
    }
    figures.forEach((name, value) -> System.out.println(name + ": " + value));
    System.exit(0);
  }

  /**
   * Waits (up to three minutes) until the bot's JIT compilers are done with what the start made hot
   * (under 100 ms of compiling in 10 s, 1 % of a core): a bot that has run for a while has no
   * compiling left to do, and its idle CPU should not count it. Returns the seconds waited.
   */
  private static double warmUp(BotProcess bot) throws Exception {
    long start = System.nanoTime();
    long compiled = bot.compileMillis();
    while (System.nanoTime() - start < Duration.ofMinutes(3).toNanos()) {
      Thread.sleep(10_000);
      long now = bot.compileMillis();
      if (now - compiled < 100) {
        break;
      }
      compiled = now;
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** Waits (up to a minute) until the bot answered {@code count} commands through Slack. */
  private static void awaitAnswers(FakeSlack slack, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (slack.calls("respond").size() < count && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
  }

  /**
   * Waits until the bot asked Kling about {@code editCount} edits; returns how long it took in s.
   */
  private static double checkEdits(BotProcess bot, Prometheus metrics, int editCount)
      throws Exception {
    long start = System.nanoTime();
    double checked = 0;
    while (checked < editCount) {
      if (!bot.alive() || System.nanoTime() - start > Duration.ofMinutes(6).toNanos()) {
        throw new IllegalStateException(
            "the bot checked " + (long) checked + " of " + editCount + " edits; log: " + bot.log());
      }
      Thread.sleep(1000);
      checked =
          metrics.scrape().sum("klingbot_kling_calls_seconds_count", "operation=\"query_task\"");
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static List<String> jvmOptions() {
    List<String> options = new ArrayList<>(List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"));
    String extra = System.getenv("LOAD_BOT_JVM_OPTS");
    if (extra != null && !extra.isBlank()) {
      options.addAll(List.of(extra.trim().split("\\s+")));
    }
    return options;
  }

  private record Relayed(long bytes, double seconds, long heapHalfway) {}

  /**
   * Downloads {@code url} to the end. Halfway through, while the bot is sending, it collects its
   * garbage and reports the heap it holds: what relaying the file keeps in memory.
   */
  private static Relayed relay(HttpClient http, String url, long size, BotProcess bot)
      throws Exception {
    long start = System.nanoTime();
    long bytes = 0;
    long heapHalfway = -1;
    HttpResponse<InputStream> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).GET().build(),
            HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("the relay answered " + response.statusCode());
    }
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = response.body()) {
      int read;
      while ((read = in.read(buffer)) >= 0) {
        bytes += read;
        if (heapHalfway < 0 && bytes >= size / 2) {
          heapHalfway = bot.gc();
        }
      }
    }
    return new Relayed(bytes, (System.nanoTime() - start) / 1e9, heapHalfway);
  }

  /** The machine's 1-minute load average (Linux), or "unknown". */
  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (Exception e) {
      return "unknown";
    }
  }

  private static double percentile(List<Double> sorted, int percent) {
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private static String mb(double bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / (1024 * 1024));
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--no-history") || args[i].equals("--check-all-first")) {
        options.put(args[i], "");
      } else if (args[i].startsWith("--") && i + 1 < args.length) {
        options.put(args[i], args[++i]);
      } else {
        throw new IllegalArgumentException("unknown argument: " + args[i]);
      }
    }
    return options;
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException(name + " is required (benchmarks/run load passes it)");
    }
    return value;
  }

  private static void deleteQuietly(Path root) {
    try (var paths = Files.walk(root)) {
      List<Path> all = new ArrayList<>(paths.toList());
      Collections.reverse(all);
      for (Path path : all) {
        Files.deleteIfExists(path);
      }
    } catch (Exception e) {
      System.err.println("could not delete " + root + ": " + e.getMessage());
    }
  }
}
