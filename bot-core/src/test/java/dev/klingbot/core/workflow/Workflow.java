package dev.klingbot.core.workflow;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.chat.ChatPorts;
import dev.klingbot.core.instruction.InstructionParser;
import dev.klingbot.core.media.Downloads;
import dev.klingbot.core.media.FrameExtractor;
import dev.klingbot.core.media.VideoConformer;
import dev.klingbot.core.media.VideoProbe;
import dev.klingbot.core.media.VideoRules;
import dev.klingbot.core.metrics.MeteredKlingClient;
import dev.klingbot.core.metrics.WorkflowMetrics;
import dev.klingbot.core.quota.QuotaService;
import dev.klingbot.core.relay.EditorLinks;
import dev.klingbot.core.relay.MediaStore;
import dev.klingbot.core.store.EditStore;
import dev.klingbot.core.store.SelectionStore;
import dev.klingbot.core.store.ServerSettingsStore;
import dev.klingbot.kling.KlingClient;
import java.time.Clock;
import java.util.Optional;

/**
 * Test assembly of the workflow (the app binds each part in Guice): the parts wired together: the
 * {@link EditService} adapters call, the {@link JobRunner} that follows submitted edits, and the
 * {@link KlingCallbacks} the HTTP server feeds.
 */
public final class Workflow implements AutoCloseable {
  private final EditService service;
  private final JobRunner runner;
  private final KlingCallbacks callbacks;
  private final Delivery delivery;

  /**
   * A workflow that counts into {@code metrics}: every Kling call (timed by operation and outcome),
   * deliveries, callbacks, spent units and queue waits; see {@link WorkflowMetrics}.
   */
  public Workflow(
      KlingClient klingClient,
      EditStore edits,
      SelectionStore selections,
      ServerSettingsStore serverSettings,
      QuotaService quota,
      ChatPorts chats,
      Downloads downloads,
      MediaStore relay,
      EditorLinks editorLinks,
      Optional<WebhookSignature> webhookSignature,
      WorkflowSettings settings,
      Clock clock,
      WorkflowMetrics metrics) {
    requireNonNull(settings, "settings is null");
    requireNonNull(metrics, "metrics is null");
    KlingClient kling =
        new MeteredKlingClient(requireNonNull(klingClient, "kling is null"), metrics);
    MediaFiles files = new MediaFiles(settings.workDir());
    FrameExtractor frames = new FrameExtractor();
    VideoProbe probe = new VideoProbe();
    VideoRules rules = new VideoRules(settings.maxVideoBytes());
    this.delivery = new Delivery(edits, chats, downloads, frames, files, settings, clock, metrics);
    this.runner =
        new JobRunner(
            edits, quota, kling, chats, delivery, editorLinks, relay, settings, clock, metrics);
    EditIntake intake = new EditIntake(downloads, files, relay, kling, edits, settings, clock);
    SelectionWork selection =
        new SelectionWork(kling, edits, selections, files, frames, downloads, clock);
    this.service =
        new EditService(
            edits,
            serverSettings,
            quota,
            new InstructionParser(),
            probe,
            rules,
            new VideoConformer(probe, rules),
            intake,
            selection,
            files,
            editorLinks,
            relay,
            runner::wake,
            clock);
    this.callbacks = new KlingCallbacks(edits, webhookSignature, runner::wake, clock, metrics);
  }

  public EditService service() {
    return service;
  }

  public JobRunner runner() {
    return runner;
  }

  public KlingCallbacks callbacks() {
    return callbacks;
  }

  @Override
  public void close() {
    runner.close();
  }
}
