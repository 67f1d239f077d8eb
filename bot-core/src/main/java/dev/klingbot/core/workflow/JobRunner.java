package dev.klingbot.core.workflow;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Platform;
import dev.klingbot.core.chat.ChatPorts;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditLogContext;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.metrics.WorkflowMetrics;
import dev.klingbot.core.quota.QuotaService;
import dev.klingbot.core.relay.EditorLinks;
import dev.klingbot.core.relay.MediaStore;
import dev.klingbot.core.store.ConcurrentUpdateException;
import dev.klingbot.core.store.EditStore;
import dev.klingbot.core.store.EditWorkQueue;
import dev.klingbot.core.store.ServerShards;
import dev.klingbot.kling.KlingClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every submitted edit until its result is delivered. This class is the loop and the
 * leases: it finds the edits that are due ({@link EditWorkQueue}), claims each with a lease so
 * several processes can share the work, and hands it to {@link TaskFollower} for one step (create
 * the task, check it, deliver). After a step the process keeps the edit until its next check plus
 * the lease duration, so one process follows an edit from its task's creation to its delivery and
 * another takes it over only when that process stopped (at once when it closed cleanly or is seen
 * dead on this host, otherwise when the lease runs out). All state is in the database, so a restart
 * resumes every open edit. Tests drive it without its thread: {@link #runOnce()} with a settable
 * clock.
 */
public final class JobRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

  private final EditStore edits;
  private final EditWorkQueue work;
  private final TaskFollower follower;
  private final WorkflowSettings settings;
  private final Clock clock;
  private final MediaJanitor janitor;
  private static final Duration EXPIRY_EVERY = Duration.ofSeconds(10);
  // the loop looks for due work at least this often (work of other processes, expired leases)
  private static final Duration LOOP_EVERY = Duration.ofSeconds(1);

  private final Semaphore wakeUps = new Semaphore(0);
  private final Map<Platform, ServerShards> platforms = new EnumMap<>(Platform.class);
  private volatile boolean running;
  private Instant lastExpiry;
  private Thread loop;
  private ExecutorService workers;

  /**
   * The runner. Plans it posts (when a session opens late, after Kling was busy) carry the web
   * editor's link from {@code editorLinks} ({@code null}: no link); retention also deletes what
   * {@code mediaStore} keeps of old edits ({@link MediaStore#folderOnly()}: the media folder only);
   * spent units and queue waits are counted into {@code metrics}.
   */
  public JobRunner(
      EditStore edits,
      QuotaService quota,
      KlingClient kling,
      ChatPorts chats,
      Delivery delivery,
      EditorLinks editorLinks,
      MediaStore mediaStore,
      WorkflowSettings settings,
      Clock clock,
      WorkflowMetrics metrics) {
    this.edits = requireNonNull(edits, "edits is null");
    this.work = edits.work();
    this.settings = requireNonNull(settings, "settings is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.follower =
        new TaskFollower(
            edits,
            requireNonNull(quota, "quota is null"),
            requireNonNull(kling, "kling is null"),
            requireNonNull(delivery, "delivery is null"),
            new ProgressReporter(edits, requireNonNull(chats, "chats is null"), clock),
            editorLinks,
            settings,
            clock,
            requireNonNull(metrics, "metrics is null"));
    this.janitor =
        new MediaJanitor(
            edits,
            new MediaFiles(settings.workDir()),
            requireNonNull(mediaStore, "mediaStore is null"),
            settings.retention(),
            clock);
  }

  /** Follows the edits of these platforms (those whose chat adapter runs in this process). */
  public synchronized JobRunner follow(Platform platform) {
    return follow(platform, ServerShards.ALL);
  }

  /**
   * Follows the edits of a platform's servers on {@code shards} only: several processes that each
   * run some of Discord's shards each follow the edits of their own servers, and can post there.
   */
  public synchronized JobRunner follow(Platform platform, ServerShards shards) {
    platforms.put(platform, requireNonNull(shards, "shards is null"));
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
            settings.jobs().workerThreads(),
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
    for (String owner : work.leaseOwners()) {
      if (InstanceId.isDeadHere(owner)) {
        int count = work.releaseAll(owner);
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
        maybeExpireSessions();
        janitor.maybeClean();
        Instant now = clock.instant();
        long waitMillis = LOOP_EVERY.toMillis();
        Optional<Instant> next =
            work.nextDue(followed(), settings.instanceId(), now, now.plus(LOOP_EVERY));
        if (next.isPresent()) {
          waitMillis =
              Math.max(50, Math.min(waitMillis, Duration.between(now, next.get()).toMillis()));
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
    Map<Platform, ServerShards> followed = followed();
    Instant now = clock.instant();
    List<String> due =
        work.claimDue(
            now, followed, 100, settings.instanceId(), now.plus(settings.jobs().leaseDuration()));
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

  private synchronized Map<Platform, ServerShards> followed() {
    return Map.copyOf(platforms);
  }

  /** Claims one edit and moves it on; returns whether it was handled here. */
  boolean handle(String id) {
    try (EditLogContext.Scope scope = EditLogContext.open(id)) {
      return handleClaimed(id);
    }
  }

  private boolean handleClaimed(String id) {
    Instant now = clock.instant();
    if (!work.claim(id, settings.instanceId(), now, now.plus(settings.jobs().leaseDuration()))) {
      return false;
    }
    try {
      Optional<Edit> found = edits.find(id);
      if (found.isEmpty()) {
        return false;
      }
      try (Messages.Scope lang = Messages.use(found.get().origin().lang().orElse(null))) {
        follower.step(found.get());
      }
      return true;
    } catch (ConcurrentUpdateException e) {
      LOG.debug("Edit {} changed while being handled; it will be looked at again", id);
      return true;
    } catch (RuntimeException e) {
      LOG.error("Handling edit {} failed; retrying later", id, e);
      postpone(id, TaskFollower.ERROR_RETRY);
      return true;
    } finally {
      keepOrRelease(id);
    }
  }

  /**
   * Keeps an edit that still has work until its next check plus the lease duration, so no other
   * process picks it up while this one follows it; lets go of one that is done.
   */
  private void keepOrRelease(String id) {
    Optional<Edit> edit = edits.find(id);
    if (edit.isEmpty() || !hasWorkLeft(edit.get())) {
      work.release(id, settings.instanceId());
      return;
    }
    Instant now = clock.instant();
    Instant next = edit.get().task().nextCheckAt();
    Instant from = next != null && next.isAfter(now) ? next : now;
    work.keep(id, settings.instanceId(), from.plus(settings.jobs().leaseDuration()));
  }

  private static boolean hasWorkLeft(Edit edit) {
    return switch (edit.state()) {
      case SUBMITTED, PROCESSING -> true;
      case CREATED -> edit.task().nextCheckAt() != null;
      case SUCCEEDED, FAILED, EXPIRED -> edit.outcome().deliveredAt() == null;
      default -> false;
    };
  }

  /**
   * Expires sessions every {@link #EXPIRY_EVERY} from the loop: a session runs for hours, so being
   * a few seconds late costs nothing, and the loop's idle second stays one query cheaper.
   */
  private void maybeExpireSessions() {
    Instant now = clock.instant();
    if (lastExpiry == null || !now.isBefore(lastExpiry.plus(EXPIRY_EVERY))) {
      lastExpiry = now;
      expireSessions();
    }
  }

  /** Expires edits whose Kling session has run out before they were submitted. */
  public int expireSessions() {
    Instant now = clock.instant();
    int expired = 0;
    for (String id : work.expiredBeforeSubmit(now, now.minus(settings.jobs().sessionTtl()))) {
      Optional<Edit> edit = edits.find(id);
      if (edit.isEmpty() || !edit.get().state().isBeforeSubmit()) {
        continue;
      }
      try {
        try (EditLogContext.Scope scope = EditLogContext.open(id);
            Messages.Scope lang = Messages.use(edit.get().origin().lang().orElse(null))) {
          follower.expire(edit.get());
        }
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
      edits.find(id).ifPresent(edit -> follower.postpone(edit, wait));
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
    if (running || loop != null) {
      // another process may take this one's edits over at once
      try {
        work.releaseAll(settings.instanceId());
      } catch (RuntimeException e) {
        LOG.warn("Could not hand back the jobs of this process: {}", e.getMessage());
      }
    }
  }
}
