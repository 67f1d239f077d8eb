package dev.klingbot.slack;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's own executor: handlers acknowledge Slack at once and leave the work here. Work with the
 * same key (a thread) runs in order, one at a time, so {@code select C4} is done before the {@code
 * preview} typed right after it; different threads run in parallel.
 */
final class WorkQueue implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WorkQueue.class);

  private final ExecutorService pool;
  private final Map<String, CompletableFuture<Void>> tails = new HashMap<>();

  WorkQueue(int threads) {
    AtomicInteger count = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            runnable -> {
              Thread thread = new Thread(runnable, "klingbot-slack-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Runs {@code task} after the earlier work with the same key. */
  synchronized void submit(String key, Runnable task) {
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
        });
  }

  /** Runs {@code task} as soon as a thread is free (modals must open within 3 seconds). */
  void submitNow(Runnable task) {
    pool.execute(logged(task));
  }

  private static Runnable logged(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.error("Slack background work failed", e);
      }
    };
  }

  @Override
  public void close() {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
