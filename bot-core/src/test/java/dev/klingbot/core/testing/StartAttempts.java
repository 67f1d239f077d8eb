package dev.klingbot.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.klingbot.core.chat.ConnectRetry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

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

  /**
   * A retry like {@link #retry}, where the operator stops the bot during wait number {@code waits}.
   */
  public ConnectRetry stoppedAtWait(int waits) {
    return retry(
        wait -> {
          if (this.waits.size() == waits) {
            throw new InterruptedException();
          }
        });
  }

  /**
   * Asserts that the start told of {@code attempts} unanswered attempts to connect to {@code
   * platform} ("Discord", "Slack"), the first one waiting 2 seconds.
   */
  public void assertToldUnreachable(String platform, int attempts) {
    assertThat(notices).hasSize(attempts);
    assertThat(notices.get(0))
        .startsWith(platform + " cannot be reached (cannot connect")
        .contains("trying again in 2 s (attempt 1).");
    assertThat(notices.get(attempts - 1)).contains("(attempt " + attempts + ").");
  }

  /**
   * Asserts that {@code start}, run with a {@link #stoppedAtWait} retry, ends as stopped by the
   * operator after telling of {@code attempts} attempts at a {@code platform} server name that does
   * not resolve.
   */
  public void assertStoppedWhileUnresolvable(
      ThrowingCallable start, String platform, int attempts) {
    try {
      assertThatThrownBy(start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("stopped while waiting to connect to " + platform);
    } finally {
      Thread.interrupted();
    }
    assertThat(notices)
        .hasSize(attempts)
        .allSatisfy(
            notice ->
                assertThat(notice).startsWith(platform + " cannot be reached (cannot resolve "));
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
