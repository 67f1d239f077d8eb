package dev.klingbot.core.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.function.Function;
import java.util.function.Predicate;

/** Waiting on a fake's monitor for something another thread records there. */
public final class Monitors {
  private Monitors() {}

  /**
   * Waits on {@code monitor}, which the caller holds and which is notified when {@code items}
   * changes, until one of {@code items} matches; fails after {@code timeout} naming {@code what}
   * was awaited and listing the items as {@code shown}.
   */
  public static <T> T awaitFirst(
      Object monitor,
      Collection<T> items,
      Predicate<? super T> condition,
      Duration timeout,
      String what,
      Function<? super T, ?> shown)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      for (T item : items) {
        if (condition.test(item)) {
          return item;
        }
      }
      long left = Duration.between(Instant.now(), deadline).toMillis();
      if (left <= 0) {
        throw new AssertionError(
            "no matching "
                + what
                + " within "
                + timeout
                + "; there were: "
                + items.stream().map(shown).toList());
      }
      monitor.wait(Math.min(left, 200));
    }
  }
}
