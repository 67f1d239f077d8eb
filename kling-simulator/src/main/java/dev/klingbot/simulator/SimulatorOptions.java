package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/**
 * How a {@link KlingSimulator} behaves. Build with {@link #builder()}; every option has a default.
 *
 * @param token the API key accepted as {@code Authorization: Bearer <token>} (default {@code
 *     sim-token})
 * @param accessKey when present, JWTs signed HS256 with its secret key are accepted too
 * @param bindHost address to listen on (default {@code 127.0.0.1})
 * @param port port to listen on; 0 picks a free one (default)
 * @param publicBaseUrl the scheme, host and port put in media URLs, e.g. {@code
 *     http://sim.local:8080}; default: derived from the bound address
 * @param taskProcessingTime time from submitted to succeed; the first quarter is spent {@code
 *     submitted}, the rest {@code processing} (default 8 s)
 * @param concurrencyLimit tasks in flight (submitted or processing) allowed at once; 0 = no limit
 *     (default 5)
 * @param sessionTtl how long a session stays usable (default 24 h)
 * @param videoRetention how long a result video can be used through {@code video_id} (default 30
 *     days)
 * @param clock the simulator's time: sessions, tasks, timestamps (default system clock; see {@link
 *     SettableClock} and {@link KlingSimulator#advance})
 * @param wallClock real time, for JWT validity and webhook timestamps, which clients compute from
 *     their own clocks (default system clock)
 * @param faults faults to inject from the start (default none)
 * @param randomSeed seed of the fault decisions, so faulty runs are reproducible (default 42); ids
 *     are unique whatever the seed
 * @param workDirectory where media goes; default: {@code media} in the state directory, else a
 *     temporary directory deleted on close
 * @param stateDirectory when present, sessions and tasks are written there after every change and
 *     loaded at start, so a restarted simulator (even after {@code kill -9}) still knows them and
 *     finishes the tasks that were running; default: kept in memory only
 * @param maxVideoBytes largest video init-selection downloads (default 200 MB)
 * @param maxImageBytes largest reference image create-task downloads (default 20 MB)
 * @param webhookSecret when present ({@code whsec_<base64>}), callbacks carry Standard Webhooks
 *     signature headers
 * @param callbackTimeout timeout of one callback delivery (default 5 s)
 * @param tickInterval how often task states are re-evaluated against the clock (default 100 ms)
 * @param httpThreads threads answering HTTP requests (default 8; keep at least 2, since
 *     init-selection may download a video from the simulator's own {@code /files})
 * @param resultVideo when present, every successful task's result is this one file (published per
 *     task, probed once) instead of a video rendered with FFmpeg from the source and masks: a cheap
 *     mode for load tests with hundreds of tasks (default: render each result)
 */
public record SimulatorOptions(
    String token,
    Optional<AccessKey> accessKey,
    String bindHost,
    int port,
    Optional<String> publicBaseUrl,
    Duration taskProcessingTime,
    int concurrencyLimit,
    Duration sessionTtl,
    Duration videoRetention,
    InstantSource clock,
    InstantSource wallClock,
    FaultSettings faults,
    long randomSeed,
    Optional<Path> workDirectory,
    Optional<Path> stateDirectory,
    long maxVideoBytes,
    long maxImageBytes,
    Optional<String> webhookSecret,
    Duration callbackTimeout,
    Duration tickInterval,
    int httpThreads,
    Optional<Path> resultVideo) {

  /** An access key and secret key pair, as Kling issues them for JWT authentication. */
  public record AccessKey(String accessKey, String secretKey) {
    public AccessKey {
      requireNonNull(accessKey, "accessKey is null");
      requireNonNull(secretKey, "secretKey is null");
      if (accessKey.isBlank() || secretKey.isBlank()) {
        throw new IllegalArgumentException("access key and secret key must not be blank");
      }
    }

    @Override
    public String toString() {
      return "AccessKey[accessKey=" + accessKey + ", secretKey=***]";
    }
  }

  public SimulatorOptions {
    requireNonNull(token, "token is null");
    if (token.isBlank()) {
      throw new IllegalArgumentException("token must not be blank");
    }
    requireNonNull(accessKey, "accessKey is null");
    requireNonNull(bindHost, "bindHost is null");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be within 0..65535, got " + port);
    }
    requireNonNull(publicBaseUrl, "publicBaseUrl is null");
    positive(taskProcessingTime, "taskProcessingTime");
    if (concurrencyLimit < 0) {
      throw new IllegalArgumentException("concurrencyLimit must not be negative");
    }
    positive(sessionTtl, "sessionTtl");
    positive(videoRetention, "videoRetention");
    requireNonNull(clock, "clock is null");
    requireNonNull(wallClock, "wallClock is null");
    requireNonNull(faults, "faults is null");
    requireNonNull(workDirectory, "workDirectory is null");
    requireNonNull(stateDirectory, "stateDirectory is null");
    if (maxVideoBytes <= 0 || maxImageBytes <= 0) {
      throw new IllegalArgumentException("download limits must be positive");
    }
    requireNonNull(webhookSecret, "webhookSecret is null");
    positive(callbackTimeout, "callbackTimeout");
    positive(tickInterval, "tickInterval");
    if (httpThreads < 1) {
      throw new IllegalArgumentException("httpThreads must be at least 1");
    }
    requireNonNull(resultVideo, "resultVideo is null");
  }

  private static void positive(Duration duration, String name) {
    requireNonNull(duration, name + " is null");
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }

  /** All defaults. */
  public static SimulatorOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  @Override
  public String toString() {
    return "SimulatorOptions[token=***, accessKey="
        + accessKey
        + ", bindHost="
        + bindHost
        + ", port="
        + port
        + ", publicBaseUrl="
        + publicBaseUrl
        + ", taskProcessingTime="
        + taskProcessingTime
        + ", concurrencyLimit="
        + concurrencyLimit
        + ", sessionTtl="
        + sessionTtl
        + ", videoRetention="
        + videoRetention
        + ", faults="
        + faults
        + ", randomSeed="
        + randomSeed
        + ", workDirectory="
        + workDirectory
        + ", stateDirectory="
        + stateDirectory
        + ", maxVideoBytes="
        + maxVideoBytes
        + ", maxImageBytes="
        + maxImageBytes
        + ", webhookSecret="
        + webhookSecret.map(secret -> "***")
        + ", callbackTimeout="
        + callbackTimeout
        + ", tickInterval="
        + tickInterval
        + ", httpThreads="
        + httpThreads
        + ", resultVideo="
        + resultVideo
        + "]";
  }

  /** Builds {@link SimulatorOptions}; unset options keep their defaults. */
  public static final class Builder {
    private String token = "sim-token";
    private AccessKey accessKey;
    private String bindHost = "127.0.0.1";
    private int port;
    private String publicBaseUrl;
    private Duration taskProcessingTime = Duration.ofSeconds(8);
    private int concurrencyLimit = 5;
    private Duration sessionTtl = Duration.ofHours(24);
    private Duration videoRetention = Duration.ofDays(30);
    private InstantSource clock = InstantSource.system();
    private InstantSource wallClock = InstantSource.system();
    private FaultSettings faults = FaultSettings.NONE;
    private long randomSeed = 42;
    private Path workDirectory;
    private Path stateDirectory;
    private long maxVideoBytes = 200L * 1024 * 1024;
    private long maxImageBytes = 20L * 1024 * 1024;
    private String webhookSecret;
    private Duration callbackTimeout = Duration.ofSeconds(5);
    private Duration tickInterval = Duration.ofMillis(100);
    private int httpThreads = 8;
    private Path resultVideo;

    private Builder() {}

    private Builder(SimulatorOptions options) {
      token = options.token;
      accessKey = options.accessKey.orElse(null);
      bindHost = options.bindHost;
      port = options.port;
      publicBaseUrl = options.publicBaseUrl.orElse(null);
      taskProcessingTime = options.taskProcessingTime;
      concurrencyLimit = options.concurrencyLimit;
      sessionTtl = options.sessionTtl;
      videoRetention = options.videoRetention;
      clock = options.clock;
      wallClock = options.wallClock;
      faults = options.faults;
      randomSeed = options.randomSeed;
      workDirectory = options.workDirectory.orElse(null);
      stateDirectory = options.stateDirectory.orElse(null);
      maxVideoBytes = options.maxVideoBytes;
      maxImageBytes = options.maxImageBytes;
      webhookSecret = options.webhookSecret.orElse(null);
      callbackTimeout = options.callbackTimeout;
      tickInterval = options.tickInterval;
      httpThreads = options.httpThreads;
      resultVideo = options.resultVideo.orElse(null);
    }

    public Builder token(String token) {
      this.token = token;
      return this;
    }

    /** Also accept JWTs signed with this access key / secret key pair. */
    public Builder accessKey(String accessKey, String secretKey) {
      this.accessKey = new AccessKey(accessKey, secretKey);
      return this;
    }

    public Builder bindHost(String bindHost) {
      this.bindHost = bindHost;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder publicBaseUrl(String publicBaseUrl) {
      this.publicBaseUrl = publicBaseUrl;
      return this;
    }

    public Builder taskProcessingTime(Duration taskProcessingTime) {
      this.taskProcessingTime = taskProcessingTime;
      return this;
    }

    public Builder concurrencyLimit(int concurrencyLimit) {
      this.concurrencyLimit = concurrencyLimit;
      return this;
    }

    public Builder sessionTtl(Duration sessionTtl) {
      this.sessionTtl = sessionTtl;
      return this;
    }

    public Builder videoRetention(Duration videoRetention) {
      this.videoRetention = videoRetention;
      return this;
    }

    public Builder clock(InstantSource clock) {
      this.clock = clock;
      return this;
    }

    public Builder wallClock(InstantSource wallClock) {
      this.wallClock = wallClock;
      return this;
    }

    public Builder faults(FaultSettings faults) {
      this.faults = faults;
      return this;
    }

    public Builder randomSeed(long randomSeed) {
      this.randomSeed = randomSeed;
      return this;
    }

    public Builder workDirectory(Path workDirectory) {
      this.workDirectory = workDirectory;
      return this;
    }

    /** Keep sessions and tasks in this directory across restarts. */
    public Builder stateDirectory(Path stateDirectory) {
      this.stateDirectory = stateDirectory;
      return this;
    }

    public Builder maxVideoBytes(long maxVideoBytes) {
      this.maxVideoBytes = maxVideoBytes;
      return this;
    }

    public Builder maxImageBytes(long maxImageBytes) {
      this.maxImageBytes = maxImageBytes;
      return this;
    }

    public Builder webhookSecret(String webhookSecret) {
      this.webhookSecret = webhookSecret;
      return this;
    }

    public Builder callbackTimeout(Duration callbackTimeout) {
      this.callbackTimeout = callbackTimeout;
      return this;
    }

    public Builder tickInterval(Duration tickInterval) {
      this.tickInterval = tickInterval;
      return this;
    }

    public Builder httpThreads(int httpThreads) {
      this.httpThreads = httpThreads;
      return this;
    }

    /**
     * Every successful task returns this video instead of a rendered one (the cheap mode for load
     * tests; {@code null}: render each result).
     */
    public Builder resultVideo(Path resultVideo) {
      this.resultVideo = resultVideo;
      return this;
    }

    public SimulatorOptions build() {
      return new SimulatorOptions(
          token,
          Optional.ofNullable(accessKey),
          bindHost,
          port,
          Optional.ofNullable(publicBaseUrl),
          taskProcessingTime,
          concurrencyLimit,
          sessionTtl,
          videoRetention,
          clock,
          wallClock,
          faults,
          randomSeed,
          Optional.ofNullable(workDirectory),
          Optional.ofNullable(stateDirectory),
          maxVideoBytes,
          maxImageBytes,
          Optional.ofNullable(webhookSecret),
          callbackTimeout,
          tickInterval,
          httpThreads,
          Optional.ofNullable(resultVideo));
    }
  }
}
