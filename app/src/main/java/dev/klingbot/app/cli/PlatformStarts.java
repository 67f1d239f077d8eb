package dev.klingbot.app.cli;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects each chat platform on a thread of its own, so one that cannot be reached yet (its bot
 * waits and tries again) holds up neither the other platform nor the HTTP server and the job
 * runner. A platform that fails for good (a refused token) ends the run: its failure is kept for
 * {@code run} to report, and {@code stop} is counted down.
 */
final class PlatformStarts implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PlatformStarts.class);

  private final CountDownLatch stop;
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean closing;

  /**
   * @param stop counted down when a platform fails for good
   */
  PlatformStarts(CountDownLatch stop) {
    this.stop = requireNonNull(stop, "stop is null");
  }

  /** Runs {@code connect} (which may wait for the platform), then {@code connected}. */
  synchronized void start(String platform, Runnable connect, Runnable connected) {
    Thread thread =
        new Thread(
            () -> {
              try {
                connect.run();
                connected.run();
              } catch (RuntimeException e) {
                if (closing) {
                  LOG.debug("{} was not connected before the bot stopped", platform);
                  return;
                }
                failure.compareAndSet(null, e);
                stop.countDown();
              }
            },
            "klingbot-connect-" + platform.toLowerCase(java.util.Locale.ROOT));
    thread.setDaemon(true);
    threads.add(thread);
    thread.start();
  }

  /** Why a platform could not be started, once one failed for good. */
  Optional<RuntimeException> failure() {
    return Optional.ofNullable(failure.get());
  }

  /** Stops the platforms still waiting to connect (waiting up to 5 seconds for each). */
  @Override
  public void close() {
    List<Thread> started;
    synchronized (this) {
      closing = true;
      started = List.copyOf(threads);
    }
    for (Thread thread : started) {
      thread.interrupt();
    }
    for (Thread thread : started) {
      try {
        thread.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
