package dev.klingbot.core.workflow;

import static java.util.Objects.requireNonNull;

import dev.klingbot.config.JobsConfig;
import dev.klingbot.config.KlingbotConfig;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The workflow's settings, taken from the configuration.
 *
 * @param publicBaseUrl where Kling reaches the app's HTTP server (callbacks, relay), or {@code
 *     null}
 * @param instanceId this process's name in job leases
 * @param openEditsPerUser open (unsubmitted) edits one member may have ({@code
 *     limits.open-edits-per-user})
 * @param startsPerUserPerMinute edits one member may start per minute ({@code
 *     limits.starts-per-user-per-minute})
 * @param diskBudgetBytes new edits are refused while the media folder holds more ({@code
 *     media.disk-budget})
 * @param transientRetryWindow how long an edit waits out a Kling outage before it fails
 */
public record WorkflowSettings(
    String modelName,
    Path workDir,
    long maxVideoBytes,
    long maxImageBytes,
    Duration pollInitialInterval,
    Duration pollMaxInterval,
    Duration taskTimeout,
    Duration sessionTtl,
    Duration leaseDuration,
    int workerThreads,
    String publicBaseUrl,
    String instanceId,
    Duration retention,
    int openEditsPerUser,
    int startsPerUserPerMinute,
    long diskBudgetBytes,
    Duration transientRetryWindow) {
  /** The default of {@code jobs.transient-retry-window}. */
  public static final Duration DEFAULT_TRANSIENT_RETRY_WINDOW = Duration.ofMinutes(30);

  public WorkflowSettings {
    requireNonNull(modelName, "modelName is null");
    requireNonNull(workDir, "workDir is null");
    requireNonNull(instanceId, "instanceId is null");
    requireNonNull(transientRetryWindow, "transientRetryWindow is null");
  }

  /** The same settings with other start limits and disk budget. */
  public WorkflowSettings withLimits(int openPerUser, int startsPerMinute, long diskBudget) {
    return withLimitsAndRetry(openPerUser, startsPerMinute, diskBudget, transientRetryWindow);
  }

  /** The same settings with another transient retry window. */
  public WorkflowSettings withTransientRetryWindow(Duration window) {
    return withLimitsAndRetry(openEditsPerUser, startsPerUserPerMinute, diskBudgetBytes, window);
  }

  private WorkflowSettings withLimitsAndRetry(
      int openPerUser, int startsPerMinute, long diskBudget, Duration window) {
    return new WorkflowSettings(
        modelName,
        workDir,
        maxVideoBytes,
        maxImageBytes,
        pollInitialInterval,
        pollMaxInterval,
        taskTimeout,
        sessionTtl,
        leaseDuration,
        workerThreads,
        publicBaseUrl,
        instanceId,
        retention,
        openPerUser,
        startsPerMinute,
        diskBudget,
        window);
  }

  public static WorkflowSettings from(
      KlingbotConfig config, String publicBaseUrl, String instanceId) {
    JobsConfig jobs = config.jobs();
    return new WorkflowSettings(
        config.kling().modelName(),
        Path.of(config.media().workDir()),
        config.media().maxVideoSize().bytes(),
        config.media().maxImageSize().bytes(),
        jobs.pollInitialInterval(),
        jobs.pollMaxInterval(),
        jobs.taskTimeout(),
        jobs.sessionTtl(),
        jobs.leaseDuration(),
        jobs.workerThreads(),
        publicBaseUrl,
        instanceId,
        config.media().retention(),
        config.limits().openEditsPerUser(),
        config.limits().startsPerUserPerMinute(),
        config.media().diskBudget().bytes(),
        jobs.transientRetryWindow());
  }

  /** The next wait between checks of a running task: frequent at first, slower later, capped. */
  public Duration pollDelay(int checksSoFar) {
    double factor = Math.pow(1.5, Math.min(checksSoFar, 20));
    long millis =
        (long) Math.min(pollMaxInterval.toMillis(), pollInitialInterval.toMillis() * factor);
    return Duration.ofMillis(Math.max(millis, pollInitialInterval.toMillis()));
  }
}
