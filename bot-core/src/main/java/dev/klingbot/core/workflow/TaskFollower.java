package dev.klingbot.core.workflow;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditEvent;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.edit.TaskState;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.metrics.WorkflowMetrics;
import dev.klingbot.core.quota.QuotaService;
import dev.klingbot.core.quota.QuotaUsage;
import dev.klingbot.core.relay.EditorLinks;
import dev.klingbot.core.store.EditStore;
import dev.klingbot.kling.CreateTaskRequest;
import dev.klingbot.kling.KlingClient;
import dev.klingbot.kling.KlingErrorCode;
import dev.klingbot.kling.KlingException;
import dev.klingbot.kling.TaskInfo;
import dev.klingbot.kling.TaskStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves one claimed edit on by one step: creates its Kling task (queueing it when the account is at
 * its parallel-task limit), checks it, commits or refunds the quota, and hands finished edits to
 * {@link Delivery}. Each change is stored before the Kling call or post it leads to (see {@link
 * dev.klingbot.core.edit.EditLifecycle}). The sentences users read are in {@link TaskTexts}.
 */
final class TaskFollower {
  private static final Logger LOG = LoggerFactory.getLogger(TaskFollower.class);
  static final Duration QUEUE_RETRY = Duration.ofSeconds(15);
  static final Duration ERROR_RETRY = Duration.ofSeconds(30);

  private final EditStore edits;
  private final QuotaService quota;
  private final KlingClient kling;
  private final Delivery delivery;
  private final ProgressReporter progress;
  private final WorkflowSettings settings;
  private final Clock clock;
  private final PollPlanner planner;
  private final TransientRetry retry;
  private final SessionOpener sessions;
  private final EditorLinks editorLinks;

  private final WorkflowMetrics metrics;

  TaskFollower(
      EditStore edits,
      QuotaService quota,
      KlingClient kling,
      Delivery delivery,
      ProgressReporter progress,
      EditorLinks editorLinks,
      WorkflowSettings settings,
      Clock clock,
      WorkflowMetrics metrics) {
    this.metrics = requireNonNull(metrics, "metrics is null");
    this.edits = requireNonNull(edits, "edits is null");
    this.quota = requireNonNull(quota, "quota is null");
    this.kling = requireNonNull(kling, "kling is null");
    this.delivery = requireNonNull(delivery, "delivery is null");
    this.progress = requireNonNull(progress, "progress is null");
    this.settings = requireNonNull(settings, "settings is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.editorLinks = editorLinks;
    this.retry = new TransientRetry(edits, settings.jobs().transientRetryWindow(), clock);
    this.planner = PollPlanner.of(edits.durations()::recent, settings);
    this.sessions = new SessionOpener(kling, edits, retry, settings, clock);
  }

  /** One step for an edit the caller holds the lease of. */
  void step(Edit edit) {
    switch (edit.state()) {
      case CREATED -> {
        if (edit.session() == null
            && edit.task().nextCheckAt() != null
            && (edit.video().url() != null || edit.video().klingVideoId() != null)) {
          openSession(edit);
        }
      }
      case SUBMITTED -> {
        if (edit.task().taskId() == null) {
          create(edit);
        } else {
          check(edit);
        }
      }
      case PROCESSING -> check(edit);
      case SUCCEEDED, FAILED, EXPIRED -> {
        if (edit.outcome().deliveredAt() == null) {
          delivery.deliver(edit);
        }
      }
      default -> {}
    }
  }

  private void create(Edit edit) {
    Instant now = clock.instant();
    Optional<String> oldest = edits.work().oldestQueued();
    if (oldest.isPresent() && !oldest.get().equals(edit.id())) {
      queue(edit, now);
      return;
    }
    Edit current = edit;
    Optional<TaskInfo> existing = Optional.empty();
    if (edit.task().status() == TaskState.CREATING) {
      // A create may have reached Kling before a crash or timeout: look it up first.
      try {
        existing = kling.findTaskByExternalId(edit.id());
      } catch (KlingException e) {
        createFailed(edit, e);
        return;
      }
    } else {
      current =
          edits.update(
              edit.withTask(edit.task().creating(now.plus(ERROR_RETRY))),
              now,
              EditEvent.CREATE_TASK,
              null);
    }
    TaskInfo task;
    try {
      task = existing.isPresent() ? existing.get() : kling.createTask(createRequest(current));
    } catch (KlingException e) {
      createFailed(current, e);
      return;
    }
    Instant at = clock.instant();
    EditState state =
        task.status() == TaskStatus.PROCESSING ? EditState.PROCESSING : EditState.SUBMITTED;
    Edit created =
        edits.update(
            current
                .withState(state)
                .withTask(
                    current
                        .task()
                        .created(
                            task.taskId(),
                            TaskState.of(task.status()),
                            at,
                            at.plus(nextCheck(current, task, at, 0)))),
            at,
            EditEvent.TASK_CREATED,
            task.taskId());
    LOG.info("Edit {}: Kling task {} created", created.id(), task.taskId());
    if (current.task().queued() && current.task().submittedAt() != null) {
      metrics.queueWaited(Duration.between(current.task().submittedAt(), at));
    }
    if (task.status().isFinal()) {
      finish(created, task);
    } else {
      progress.show(created, TaskTexts.running(created, TaskState.of(task.status()), at));
    }
  }

  /** The wait before the next look at a running task, learned from tasks of its kind. */
  private Duration nextCheck(Edit edit, TaskInfo task, Instant now, int checks) {
    return planner.next(
        edit.request().taskMode(), edit.request().duration(), running(edit, task, now), checks);
  }

  /**
   * How long the task has been running: since Kling's creation time when it is plausible on this
   * clock, otherwise since the edit was submitted.
   */
  private Duration running(Edit edit, TaskInfo task, Instant now) {
    if (task.createdAt() != null) {
      Duration sinceCreated = Duration.between(task.createdAt(), now);
      if (!sinceCreated.isNegative()
          && sinceCreated.compareTo(settings.jobs().taskTimeout()) <= 0) {
        return sinceCreated;
      }
    }
    Instant since = edit.task().submittedAt() != null ? edit.task().submittedAt() : now;
    Duration waited = Duration.between(since, now);
    return waited.isNegative() ? Duration.ZERO : waited;
  }

  /** How long a finished task took: by Kling's own times where it gives them. */
  private Duration took(Edit edit, TaskInfo task, Instant now) {
    if (task.createdAt() != null && task.updatedAt() != null) {
      Duration byKling = Duration.between(task.createdAt(), task.updatedAt());
      if (!byKling.isNegative() && !byKling.isZero()) {
        return byKling;
      }
    }
    return running(edit, task, now);
  }

  private void recordDuration(Edit edit, TaskInfo task, Instant now) {
    try {
      edits
          .durations()
          .record(
              edit.id(),
              edit.request().taskMode(),
              edit.request().duration(),
              took(edit, task, now),
              now);
    } catch (RuntimeException e) {
      LOG.warn("Edit {}: recording how long the task took failed: {}", edit.id(), e.getMessage());
    }
  }

  private CreateTaskRequest createRequest(Edit edit) {
    CreateTaskRequest.Builder builder =
        CreateTaskRequest.builder()
            .modelName(settings.modelName())
            .sessionId(edit.session().sessionId())
            .editMode(edit.request().mode())
            .prompt(edit.request().prompt())
            .negativePrompt(edit.request().negativePrompt())
            .mode(edit.request().taskMode())
            .duration(edit.request().duration())
            .externalTaskId(edit.id());
    for (var image : edit.images()) {
      builder.addImage(ImageEncoding.forKling(image));
    }
    if (settings.publicBaseUrl() != null) {
      builder.callbackUrl(
          settings.publicBaseUrl() + "/kling/callback/" + edit.id() + "/" + edit.callbackToken());
    }
    return builder.build();
  }

  private void createFailed(Edit edit, KlingException e) {
    Instant now = clock.instant();
    if (e.errorCode() == KlingErrorCode.PARALLEL_TASK_LIMIT) {
      queue(edit, now);
      return;
    }
    if (TransientRetry.isTransient(e)) {
      // A create whose outcome is unknown stays "creating": the next try looks the task up first.
      waitOrGiveUp(edit, e, "create-task", Messages.text("task.busy.then.start"));
      return;
    }
    fail(
        edit,
        TaskTexts.refused(KlingMessages.sentence(e.errorCode())),
        EditEvent.CREATE_REFUSED,
        e.getMessage());
  }

  private void queue(Edit edit, Instant now) {
    Edit queued =
        edits.update(
            edit.withTask(edit.task().withQueued(true, now.plus(QUEUE_RETRY))),
            now,
            edit.task().queued() ? null : EditEvent.QUEUED,
            null);
    int ahead = edits.work().queuedAhead(queued);
    progress.show(queued, TaskTexts.queued(ahead));
  }

  private void check(Edit edit) {
    Instant now = clock.instant();
    if (edit.task().submittedAt() != null
        && Duration.between(edit.task().submittedAt(), now).compareTo(settings.jobs().taskTimeout())
            > 0) {
      fail(
          edit.withTask(edit.task().endedHere(TaskState.TIMED_OUT, now)),
          TaskTexts.timedOut(settings.jobs().taskTimeout()),
          EditEvent.TIMED_OUT,
          null);
      return;
    }
    TaskInfo task;
    try {
      task = kling.queryTask(edit.task().taskId());
    } catch (KlingException e) {
      if (e.errorCode() == KlingErrorCode.RESOURCE_NOT_FOUND) {
        fail(
            edit.withTask(edit.task().endedHere(TaskState.LOST, now)),
            TaskTexts.lost(),
            EditEvent.TASK_LOST,
            e.getMessage());
        return;
      }
      if (TransientRetry.isTransient(e)) {
        waitOrGiveUp(edit, e, "query-task", Messages.text("task.busy.then.follow"));
        return;
      }
      LOG.warn(
          "Edit {}: checking task {} failed ({}); retrying later",
          edit.id(),
          edit.task().taskId(),
          e.getMessage());
      edits.update(edit.withTask(edit.task().checkAt(now.plus(ERROR_RETRY))), now, null, null);
      return;
    }
    if (task.status().isFinal()) {
      finish(edit, task);
      return;
    }
    EditState state = task.status() == TaskStatus.PROCESSING ? EditState.PROCESSING : edit.state();
    TaskState status = TaskState.of(task.status());
    Edit checked =
        edits.update(
            edit.withState(state)
                .withTask(
                    edit.task()
                        .checked(
                            status,
                            task.statusMessage(),
                            now,
                            now.plus(nextCheck(edit, task, now, edit.task().checkCount() + 1)))),
            now,
            state != edit.state()
                ? EditEvent.PROCESSING
                : retry.waiting(edit) ? EditEvent.KLING_ANSWERED : null,
            null);
    progress.show(checked, TaskTexts.running(checked, status, now));
  }

  private void finish(Edit edit, TaskInfo task) {
    Instant now = clock.instant();
    TaskState status = TaskState.of(task.status());
    if (task.status() == TaskStatus.SUCCEED && !task.videos().isEmpty()) {
      String url = task.videos().get(0).url();
      String videoId = task.videos().get(0).id();
      // The units are spent before the edit is marked succeeded: a process killed between the two
      // leaves the edit running, and whoever takes it over finishes it again (committing is
      // idempotent). The other order could leave a succeeded edit with its units only reserved.
      quota.commit(edit.id(), now);
      Edit done =
          edits.update(
              edit.withState(EditState.SUCCEEDED)
                  .withTask(edit.task().checked(status, task.statusMessage(), now, null))
                  .withOutcome(edit.outcome().succeeded(url, videoId, now)),
              now,
              EditEvent.SUCCEEDED,
              url);
      recordDuration(edit, task, now);
      metrics.unitsSpent(edit.request().costUnits());
      delivery.deliver(done);
      return;
    }
    fail(
        edit.withTask(edit.task().checked(status, task.statusMessage(), now, null)),
        task.status() == TaskStatus.SUCCEED
            ? TaskTexts.noVideo()
            : TaskTexts.klingFailed(task.statusMessage()),
        EditEvent.FAILED,
        task.statusMessage());
  }

  /**
   * A Kling call of a submitted edit failed in a way that may pass: the edit waits and is tried
   * again with backoff, showing one progress message that is edited in place; once the retry window
   * has passed, it fails and its units are refunded.
   */
  private void waitOrGiveUp(Edit edit, KlingException e, String step, String then) {
    Instant now = clock.instant();
    Optional<TransientRetry.Wait> wait = retry.after(edit, e);
    if (wait.isEmpty()) {
      LOG.warn(
          "Edit {}: Kling stayed unavailable for {} ({}: {}); failing it",
          edit.id(),
          retry.window(),
          step,
          e.getMessage());
      fail(edit, retry.gaveUp(true), EditEvent.FAILED, step + ": " + e.getMessage());
      return;
    }
    LOG.warn(
        "Edit {}: {} failed ({}); trying again at {}",
        edit.id(),
        step,
        e.getMessage(),
        wait.get().next());
    Edit waiting =
        edits.update(
            edit.withTask(edit.task().checkAt(wait.get().next())),
            now,
            EditEvent.KLING_UNAVAILABLE,
            step + ": " + e.getMessage());
    progress.show(waiting, TransientRetry.busy(wait.get().until(), then));
  }

  /**
   * Tries again to open the session of an edit that was started while Kling was busy or down. The
   * plan message, which said so, becomes the plan once the session is open, or the reason once the
   * edit gave up.
   */
  private void openSession(Edit edit) {
    SessionOpener.Opened opened;
    try {
      opened = sessions.open(edit, edit.video().url());
    } catch (KlingException e) {
      Instant now = clock.instant();
      String reason =
          TransientRetry.isTransient(e) ? retry.gaveUp(false) : KlingMessages.describe(e);
      LOG.info("Edit {}: the session could not be opened: {}", edit.id(), e.getMessage());
      Edit failed =
          edits.update(
              edit.withState(EditState.FAILED)
                  .withTask(edit.task().checkAt(null))
                  .withOutcome(edit.outcome().failed(reason, now).delivered(now)),
              now,
              EditEvent.INIT_REFUSED,
              e.getMessage());
      progress.showPlan(
          failed,
          ChatMessage.text(
              Messages.text("task.open.failed", failed.id(), failed.request().summary(), reason)));
      return;
    }
    Edit current = opened.edit();
    if (opened.waiting().isPresent()) {
      progress.showPlan(
          current, EditViews.waitingForKling(current, opened.waiting().get().until()));
      return;
    }
    LOG.info(
        "Edit {}: Kling answered; session {} is open", current.id(), current.session().sessionId());
    Instant now = clock.instant();
    QuotaUsage usage =
        quota.usage(
            current.origin().platform(),
            current.origin().serverId(),
            current.origin().userId(),
            now);
    progress.showPlan(
        current,
        EditViews.plan(
            current,
            EditStarter.readInfo(current),
            usage,
            List.of(Messages.text("task.session.open.now")),
            editorLinks == null ? Optional.empty() : editorLinks.forEdit(current)));
  }

  private void fail(Edit edit, String reason, EditEvent event, String detail) {
    Instant now = clock.instant();
    Edit failed =
        edits.update(
            edit.withState(EditState.FAILED).withOutcome(edit.outcome().failed(reason, now)),
            now,
            event,
            detail);
    quota.refund(edit.id(), now);
    delivery.deliver(failed);
  }

  /** Ends an edit whose Kling session ran out before it was submitted. */
  Edit expire(Edit edit) {
    Instant now = clock.instant();
    return edits.update(
        edit.withState(EditState.EXPIRED)
            .withOutcome(edit.outcome().failed(TaskTexts.sessionExpired(), now)),
        now,
        EditEvent.EXPIRED,
        null);
  }

  /** Looks at the edit again after {@code wait} (its last step failed unexpectedly). */
  void postpone(Edit edit, Duration wait) {
    Instant now = clock.instant();
    edits.update(edit.withTask(edit.task().checkAt(now.plus(wait))), now, null, null);
  }
}
