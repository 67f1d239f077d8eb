package dev.klingbot.core.testing;

import dev.klingbot.core.chat.ConnectRetry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a platform adapter's start did while the platform could not be reached: the waits its {@link
 * ConnectRetry} asked for and the lines it wrote, with nothing waiting for real; and the bots and
 * fakes to close after the test, last opened first.
 */
public final class StartAttempts implements AutoCloseable {
  private final List<Duration> waits = new ArrayList<>();
  private final List<String> notices = new ArrayList<>();
  private final List<AutoCloseable> closing = new ArrayList<>();

  /** The waits asked for so far, in order (a live list). */
  public List<Duration> waits() {
    return waits;
  }

  /** The lines about unanswered attempts so far, in order (a live list). */
  public List<String> notices() {
    return notices;
  }

  /**
   * A retry waiting 2 seconds first, up to 5 minutes, that records each wait and line and then runs
   * {@code then} instead of sleeping.
   */
  public ConnectRetry retry(ConnectRetry.Sleeper then) {
    return new ConnectRetry(
        Duration.ofSeconds(2),
        Duration.ofMinutes(5),
        wait -> {
          waits.add(wait);
          then.sleep(wait);
        },
        notices::add);
  }

  /** Closes {@code closeable} after the test, before everything registered earlier. */
  public <T extends AutoCloseable> T closeLater(T closeable) {
    closing.add(0, closeable);
    return closeable;
  }

  @Override
  public void close() throws Exception {
    for (AutoCloseable closeable : closing) {
      closeable.close();
    }
  }
}
