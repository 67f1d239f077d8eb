package dev.klingbot.core.chat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A front-end's own threads: a platform handler acknowledges at once and leaves the work here. Work
 * with the same key (a thread) runs in order, one at a time, so {@code select C4} is done before
 * the {@code preview} typed right after it; different keys run in parallel. At most {@code
 * capacity} pieces of work wait: {@link #execute} refuses more with {@link
 * RejectedExecutionException}, for the front-end to say it is busy; work {@link #submit}ted in a
 * key's order that the pool refuses (when full or closed) is logged, never lost without a trace.
 */
public final class WorkQueue implements Executor, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WorkQueue.class);
  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

  private final String name;
  private final ThreadPoolExecutor pool;
  private final Map<String, CompletableFuture<Void>> tails = new HashMap<>();

  /**
   * @param name the threads' name ({@code slack-1}, {@code slack-2}, …), also in the log
   * @param threads how many pieces of work run at once
   * @param capacity how many may wait
   */
  public WorkQueue(String name, int threads, int capacity) {
    this.name = name;
    AtomicInteger count = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(capacity),
            runnable -> {
              Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            },
            new ThreadPoolExecutor.AbortPolicy());
  }

  /** Runs {@code task} after the earlier work with the same key. */
  public synchronized void submit(String key, Runnable task) {
    CompletableFuture<Void> previous =
        tails.getOrDefault(key, CompletableFuture.completedFuture(null));
    CompletableFuture<Void> next =
        previous.handle((ignored, error) -> null).thenRunAsync(logged(task), pool);
    tails.put(key, next);
    next.whenComplete(
        (ignored, error) -> {
          synchronized (this) {
            tails.remove(key, next);
          }
          if (error != null) {
            LOG.warn("Work on {} for {} was refused: {}", name, key, error.toString());
          }
        });
  }

  /**
   * Runs {@code task} as soon as a thread is free.
   *
   * @throws RejectedExecutionException when the queue is full or closed
   */
  @Override
  public void execute(Runnable task) {
    pool.execute(logged(task));
  }

  private Runnable logged(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.error("Background work on {} failed", name, e);
      }
    };
  }

  /** Takes no more work and waits up to 10 seconds for the work in progress. */
  @Override
  public void close() {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
