package dev.klingbot.core.workflow;

import static java.util.Objects.requireNonNull;

import dev.klingbot.config.JobsConfig;
import dev.klingbot.config.KlingbotConfig;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The workflow's settings, taken from the configuration.
 *
 * @param jobs how submitted edits are followed ({@code jobs.*})
 * @param publicBaseUrl where Kling reaches the app's HTTP server (callbacks, relay), or {@code
 *     null}
 * @param instanceId this process's name in job leases
 * @param openEditsPerUser open (unsubmitted) edits one member may have ({@code
 *     limits.open-edits-per-user})
 * @param startsPerUserPerMinute edits one member may start per minute ({@code
 *     limits.starts-per-user-per-minute})
 * @param diskBudgetBytes new edits are refused while the media folder holds more ({@code
 *     media.disk-budget})
 */
public record WorkflowSettings(
    String modelName,
    Path workDir,
    long maxVideoBytes,
    long maxImageBytes,
    JobsConfig jobs,
    String publicBaseUrl,
    String instanceId,
    Duration retention,
    int openEditsPerUser,
    int startsPerUserPerMinute,
    long diskBudgetBytes) {

  public WorkflowSettings {
    requireNonNull(modelName, "modelName is null");
    requireNonNull(workDir, "workDir is null");
    requireNonNull(jobs, "jobs is null");
    requireNonNull(instanceId, "instanceId is null");
  }

  public static WorkflowSettings from(
      KlingbotConfig config, String publicBaseUrl, String instanceId) {
    return new WorkflowSettings(
        config.kling().modelName(),
        Path.of(config.media().workDir()),
        config.media().maxVideoSize().bytes(),
        config.media().maxImageSize().bytes(),
        config.jobs(),
        publicBaseUrl,
        instanceId,
        config.media().retention(),
        config.limits().openEditsPerUser(),
        config.limits().startsPerUserPerMinute(),
        config.media().diskBudget().bytes());
  }

  /** The next wait between checks of a running task: frequent at first, slower later, capped. */
  public Duration pollDelay(int checksSoFar) {
    double factor = Math.pow(1.5, Math.min(checksSoFar, 20));
    long millis =
        (long)
            Math.min(
                jobs.pollMaxInterval().toMillis(), jobs.pollInitialInterval().toMillis() * factor);
    return Duration.ofMillis(Math.max(millis, jobs.pollInitialInterval().toMillis()));
  }
}
