package dev.klingbot.core.workflow;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Durations;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.store.EditEventLog.Outage;
import dev.klingbot.core.store.EditStore;
import dev.klingbot.kling.KlingErrorCode;
import dev.klingbot.kling.KlingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Waiting out a Kling outage: a call that failed in a way that may pass (5xx, rate limit, no
 * answer, a create whose outcome is unknown) does not end the edit. The failure is stored as {@link
 * dev.klingbot.core.edit.EditEvent#KLING_UNAVAILABLE}, and the job runner tries the step again with
 * capped backoff until {@code jobs.transient-retry-window} has passed since the first failure of
 * the run; only then the edit fails. The run is read back from the event log, so it survives a
 * restart.
 */
final class TransientRetry {
  /** The first wait after a failure; it doubles with each failure in a row. */
  static final Duration FIRST_WAIT = Duration.ofSeconds(10);

  /** The longest wait between two tries. */
  static final Duration MAX_WAIT = Duration.ofMinutes(2);

  private static final DateTimeFormatter CLOCK_TIME =
      DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

  private final EditStore edits;
  private final Duration window;
  private final Clock clock;

  TransientRetry(EditStore edits, Duration window, Clock clock) {
    this.edits = requireNonNull(edits, "edits is null");
    this.window = requireNonNull(window, "window is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /**
   * When to try again.
   *
   * @param next the time of the next try
   * @param until the end of the window: the last try is made then
   * @param failures failed calls in a row, this one included
   */
  record Wait(Instant next, Instant until, int failures) {}

  /** Whether a failure of Kling may pass, so the edit should wait rather than fail. */
  static boolean isTransient(KlingException e) {
    return e.retryable()
        || e.errorCode() == KlingErrorCode.OUTCOME_UNKNOWN
        || e.errorCode() == KlingErrorCode.NETWORK_ERROR
        || e.errorCode() == KlingErrorCode.INTERRUPTED;
  }

  /**
   * The wait after another transient failure of {@code edit}'s current step, or empty when the
   * window has passed and the edit should fail. The caller stores the failure with the wait.
   */
  Optional<Wait> after(Edit edit, KlingException e) {
    Instant now = clock.instant();
    Optional<Outage> before = edits.log().currentOutage(edit.id());
    Instant since = before.map(Outage::since).orElse(now);
    int failures = before.map(Outage::failures).orElse(0) + 1;
    Instant until = since.plus(window);
    if (!now.isBefore(until)) {
      return Optional.empty();
    }
    Duration wait = backoff(failures, e.retryAfter().orElse(null));
    Instant next = now.plus(wait);
    return Optional.of(new Wait(next.isAfter(until) ? until : next, until, failures));
  }

  /** Whether the edit is waiting out an outage (its last recorded call failed transiently). */
  boolean waiting(Edit edit) {
    return edits.log().currentOutage(edit.id()).isPresent();
  }

  Duration window() {
    return window;
  }

  /** 10 s, 20 s, 40 s, ... at most 2 min; a longer {@code Retry-After} (up to 2 min) wins. */
  static Duration backoff(int failures, Duration retryAfter) {
    Duration wait = FIRST_WAIT;
    for (int i = 1; i < failures && wait.compareTo(MAX_WAIT) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
      wait = retryAfter;
    }
    return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
  }

  /**
   * The one message a waiting edit shows, edited in place as the tries go on; {@code then} is what
   * happens once Kling answers, a sentence in the current language (e.g. {@code post the result
   * here.}).
   */
  static String busy(Instant until, String then) {
    return Messages.text("task.busy", CLOCK_TIME.format(until), then);
  }

  /** Why an edit failed after waiting the whole window. */
  String gaveUp(boolean refunded) {
    return Messages.text(
        refunded ? "task.gave.up.refunded" : "task.gave.up", Durations.words(window));
  }
}
