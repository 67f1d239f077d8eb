package dev.klingbot.core.workflow;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Platform;
import dev.klingbot.core.chat.ChatPorts;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.quota.QuotaService;
import dev.klingbot.core.store.ConcurrentUpdateException;
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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every submitted edit until its result is delivered: creates the Kling task (queueing it
 * when the account is at its parallel-task limit), checks it (woken by callbacks, adaptive polling
 * otherwise), commits or refunds the quota, and hands finished edits to {@link Delivery}. All state
 * is in the database, so a restart resumes every open edit, and several processes can share the
 * work: each edit is claimed with a lease first.
 */
public final class JobRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
  static final Duration QUEUE_RETRY = Duration.ofSeconds(15);
  static final Duration ERROR_RETRY = Duration.ofSeconds(30);
  static final String CREATING = "creating";

  private final EditStore edits;
  private final QuotaService quota;
  private final KlingClient kling;
  private final ChatPorts chats;
  private final Delivery delivery;
  private final ProgressReporter progress;
  private final WorkflowSettings settings;
  private final Clock clock;
  private final MediaJanitor janitor;
  private final Semaphore wakeUps = new Semaphore(0);
  private final Set<Platform> platforms = EnumSet.noneOf(Platform.class);
  private volatile boolean running;
  private Thread loop;
  private ExecutorService workers;

  public JobRunner(
      EditStore edits,
      QuotaService quota,
      KlingClient kling,
      ChatPorts chats,
      Delivery delivery,
      WorkflowSettings settings,
      Clock clock) {
    this.edits = requireNonNull(edits, "edits is null");
    this.quota = requireNonNull(quota, "quota is null");
    this.kling = requireNonNull(kling, "kling is null");
    this.chats = requireNonNull(chats, "chats is null");
    this.delivery = requireNonNull(delivery, "delivery is null");
    this.settings = requireNonNull(settings, "settings is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.progress = new ProgressReporter(edits, chats, clock);
    this.janitor =
        new MediaJanitor(edits, new MediaFiles(settings.workDir()), settings.retention(), clock);
  }

  /** Follows the edits of these platforms (those whose chat adapter runs in this process). */
  public synchronized JobRunner follow(Platform platform) {
    platforms.add(platform);
    return this;
  }

  /** Starts the background loop. */
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    releaseLeasesOfDeadProcesses();
    workers =
        Executors.newFixedThreadPool(
            settings.workerThreads(),
            runnable -> {
              Thread thread = new Thread(runnable, "klingbot-job");
              thread.setDaemon(true);
              return thread;
            });
    loop = new Thread(this::loop, "klingbot-job-runner");
    loop.setDaemon(true);
    loop.start();
  }

  /**
   * A bot process that crashed on this host left its jobs leased; take them back now rather than
   * when the leases run out.
   */
  int releaseLeasesOfDeadProcesses() {
    int released = 0;
    for (String owner : edits.leaseOwners()) {
      if (InstanceId.isDeadHere(owner)) {
        int count = edits.releaseAll(owner);
        LOG.info("Took back {} job(s) held by {}, which is no longer running", count, owner);
        released += count;
      }
    }
    return released;
  }

  /** Asks the loop to look for work now (a submit, a callback). */
  public void wake() {
    wakeUps.release();
  }

  private void loop() {
    while (running) {
      try {
        runOnce();
        expireSessions();
        janitor.maybeClean();
        long waitMillis = 1000;
        Optional<Instant> next = edits.nextDue();
        if (next.isPresent()) {
          waitMillis =
              Math.max(
                  50,
                  Math.min(waitMillis, Duration.between(clock.instant(), next.get()).toMillis()));
        }
        if (wakeUps.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
          wakeUps.drainPermits();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.error("Job runner loop failed; retrying in 5 s", e);
        sleepQuietly(5000);
      }
    }
  }

  /**
   * Works on every edit that is due now and waits until each is handled. The loop calls this; tests
   * call it directly with a settable clock.
   *
   * @return how many edits were handled
   */
  public int runOnce() {
    List<Platform> followed;
    synchronized (this) {
      followed = List.copyOf(platforms);
    }
    List<String> due = edits.dueForWork(clock.instant(), followed, 100);
    if (due.isEmpty()) {
      return 0;
    }
    List<Future<?>> pending = new ArrayList<>();
    int handled = 0;
    for (String id : due) {
      if (workers != null) {
        pending.add(workers.submit(() -> handle(id)));
      } else if (handle(id)) {
        handled++;
      }
    }
    for (Future<?> future : pending) {
      try {
        future.get();
        handled++;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (java.util.concurrent.ExecutionException e) {
        LOG.error("Job failed", e.getCause());
      }
    }
    return handled;
  }

  /** Claims one edit and moves it on; returns whether it was handled here. */
  boolean handle(String id) {
    Instant now = clock.instant();
    if (!edits.claim(id, settings.instanceId(), now, now.plus(settings.leaseDuration()))) {
      return false;
    }
    try {
      Optional<Edit> found = edits.find(id);
      if (found.isEmpty()) {
        return false;
      }
      step(found.get());
      return true;
    } catch (ConcurrentUpdateException e) {
      LOG.debug("Edit {} changed while being handled; it will be looked at again", id);
      return true;
    } catch (RuntimeException e) {
      LOG.error("Handling edit {} failed; retrying later", id, e);
      postpone(id, ERROR_RETRY);
      return true;
    } finally {
      edits.release(id, settings.instanceId());
    }
  }

  private void step(Edit edit) {
    switch (edit.state()) {
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
    Optional<String> oldest = edits.oldestQueued();
    if (oldest.isPresent() && !oldest.get().equals(edit.id())) {
      queue(edit, now);
      return;
    }
    Edit current = edit;
    Optional<TaskInfo> existing = Optional.empty();
    if (CREATING.equals(edit.task().status())) {
      // A create may have reached Kling before a crash or timeout: look it up first.
      existing = kling.findTaskByExternalId(edit.id());
    } else {
      current =
          edits.update(
              edit.withTask(
                  new dev.klingbot.core.edit.TaskProgress(
                      null,
                      CREATING,
                      null,
                      edit.task().queued(),
                      edit.task().submittedAt(),
                      now.plus(ERROR_RETRY),
                      edit.task().checkCount(),
                      edit.task().lastCheckedAt())),
              now,
              "create-task",
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
                            task.status().name().toLowerCase(java.util.Locale.ROOT),
                            at,
                            at.plus(settings.pollDelay(0)))),
            at,
            "task-created",
            task.taskId());
    LOG.info("Edit {}: Kling task {} created", created.id(), task.taskId());
    if (task.status().isFinal()) {
      finish(created, task);
    } else {
      progress.show(created, ProgressTexts.running(created, task.status(), at));
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
    if (e.retryable()) {
      LOG.warn(
          "Edit {}: creating the Kling task failed ({}); retrying later",
          edit.id(),
          e.getMessage());
      Duration wait = e.retryAfter().filter(d -> d.compareTo(ERROR_RETRY) > 0).orElse(ERROR_RETRY);
      edits.update(edit.withTask(edit.task().checkAt(now.plus(wait))), now, null, null);
      return;
    }
    fail(edit, e.userMessage(), "create-refused", e.getMessage());
  }

  private void queue(Edit edit, Instant now) {
    Edit queued =
        edits.update(
            edit.withTask(
                new dev.klingbot.core.edit.TaskProgress(
                    null,
                    null,
                    null,
                    true,
                    edit.task().submittedAt(),
                    now.plus(QUEUE_RETRY),
                    edit.task().checkCount(),
                    edit.task().lastCheckedAt())),
            now,
            edit.task().queued() ? null : "queued",
            null);
    int ahead = edits.queuedAhead(queued);
    progress.show(queued, ProgressTexts.queued(ahead));
  }

  private void check(Edit edit) {
    Instant now = clock.instant();
    if (edit.task().submittedAt() != null
        && Duration.between(edit.task().submittedAt(), now).compareTo(settings.taskTimeout()) > 0) {
      fail(
          edit,
          "Kling did not finish this edit within "
              + Texts.elapsed(settings.taskTimeout())
              + " hours, so it was stopped and your units were refunded. Please try again.",
          "timed-out",
          null);
      return;
    }
    TaskInfo task;
    try {
      task = kling.queryTask(edit.task().taskId());
    } catch (KlingException e) {
      if (e.errorCode() == KlingErrorCode.RESOURCE_NOT_FOUND) {
        fail(
            edit,
            "Kling no longer knows this task, so it cannot finish. Your units were refunded.",
            "task-lost",
            e.getMessage());
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
    String status = task.status().name().toLowerCase(java.util.Locale.ROOT);
    Edit checked =
        edits.update(
            edit.withState(state)
                .withTask(
                    edit.task()
                        .checked(
                            status,
                            task.statusMessage(),
                            now,
                            now.plus(settings.pollDelay(edit.task().checkCount() + 1)))),
            now,
            state != edit.state() ? "processing" : null,
            null);
    progress.show(checked, ProgressTexts.running(checked, task.status(), now));
  }

  private void finish(Edit edit, TaskInfo task) {
    Instant now = clock.instant();
    String status = task.status().name().toLowerCase(java.util.Locale.ROOT);
    if (task.status() == TaskStatus.SUCCEED && !task.videos().isEmpty()) {
      String url = task.videos().get(0).url();
      Edit done =
          edits.update(
              edit.withState(EditState.SUCCEEDED)
                  .withTask(edit.task().checked(status, task.statusMessage(), now, null))
                  .withOutcome(edit.outcome().succeeded(url, now)),
              now,
              "succeeded",
              url);
      quota.commit(edit.id(), now);
      delivery.deliver(done);
      return;
    }
    String reason =
        task.status() == TaskStatus.SUCCEED
            ? "Kling finished but sent no video back."
            : "Kling could not make this edit: "
                + (task.statusMessage() == null || task.statusMessage().isBlank()
                    ? "no reason given."
                    : task.statusMessage());
    fail(
        edit.withTask(edit.task().checked(status, task.statusMessage(), now, null)),
        reason + " Your units were refunded.",
        "failed",
        task.statusMessage());
  }

  private void fail(Edit edit, String reason, String event, String detail) {
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

  /** Expires edits whose Kling session has run out before they were submitted. */
  public int expireSessions() {
    Instant now = clock.instant();
    int expired = 0;
    for (String id : edits.expiredBeforeSubmit(now, now.minus(settings.sessionTtl()))) {
      Optional<Edit> edit = edits.find(id);
      if (edit.isEmpty() || !edit.get().state().isBeforeSubmit()) {
        continue;
      }
      try {
        edits.update(
            edit.get()
                .withState(EditState.EXPIRED)
                .withOutcome(
                    edit.get()
                        .outcome()
                        .failed(
                            "This edit expired: Kling keeps a video's selection for 24 hours and it"
                                + " was not submitted in time. Start a new edit to try again.",
                            now)),
            now,
            "expired",
            null);
        expired++;
      } catch (ConcurrentUpdateException e) {
        LOG.debug("Edit {} changed while expiring; skipped", id);
      }
    }
    if (expired > 0) {
      wake();
    }
    return expired;
  }

  private void postpone(String id, Duration wait) {
    try {
      edits
          .find(id)
          .ifPresent(
              edit -> {
                Instant now = clock.instant();
                edits.update(edit.withTask(edit.task().checkAt(now.plus(wait))), now, null, null);
              });
    } catch (RuntimeException e) {
      LOG.warn("Could not postpone edit {}: {}", id, e.getMessage());
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void close() {
    running = false;
    wake();
    if (loop != null) {
      loop.interrupt();
      try {
        loop.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (workers != null) {
      workers.shutdownNow();
      try {
        workers.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
