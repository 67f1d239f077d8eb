package dev.klingbot.core;

import dev.klingbot.core.i18n.Messages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How the bot writes a length of time for people: in words, largest unit first, at most two units
 * ({@code 6 hours}, {@code 1 hour 30 minutes}, {@code 90 seconds} is {@code 1 minute 30 seconds},
 * {@code 45 seconds}), in the current language ({@link Messages}). Every duration a user reads goes
 * through here; only a running clock such as the elapsed time of a task in progress is shown as
 * {@code 0:42}.
 */
public final class Durations {
  private static final long[] UNIT_SECONDS = {86_400, 3_600, 60, 1};
  private static final String[] UNIT_KEYS = {
    "common.duration.day",
    "common.duration.hour",
    "common.duration.minute",
    "common.duration.second"
  };

  private Durations() {}

  /** {@code 6 hours}, {@code 1 hour 30 minutes}, {@code 2 days 3 hours}, {@code 1 second}. */
  public static String words(Duration duration) {
    return words(duration, 2);
  }

  /**
   * Like {@link #words(Duration)} with at most {@code parts} units, the rest dropped (rounded
   * down): {@code words(PT3H25M, 1)} is {@code 3 hours}.
   */
  public static String words(Duration duration, int parts) {
    if (parts < 1) {
      throw new IllegalArgumentException("parts is " + parts + "; use 1 or more");
    }
    long rest = Math.max(0, duration.getSeconds());
    if (rest == 0) {
      return Messages.text(
          "common.duration.second", duration.isZero() || duration.isNegative() ? 0 : 1);
    }
    List<String> words = new ArrayList<>();
    for (int i = 0; i < UNIT_SECONDS.length && words.size() < parts; i++) {
      long count = rest / UNIT_SECONDS[i];
      if (count > 0) {
        words.add(Messages.text(UNIT_KEYS[i], count));
        rest -= count * UNIT_SECONDS[i];
      } else if (!words.isEmpty()) {
        break;
      }
    }
    String text = words.get(0);
    for (int i = 1; i < words.size(); i++) {
      text = Messages.text("common.duration.join", text, words.get(i));
    }
    return text;
  }
}
