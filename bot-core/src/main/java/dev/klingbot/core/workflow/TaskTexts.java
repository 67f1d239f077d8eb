package dev.klingbot.core.workflow;

import dev.klingbot.core.Durations;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.TaskState;
import java.time.Duration;
import java.time.Instant;

/**
 * The words users read while the job runner follows a task: the progress line (queued, submitted,
 * processing, done) and the reasons a task ended badly.
 */
final class TaskTexts {
  private static final String REFUNDED = " Your units were refunded.";

  private TaskTexts() {}

  static String queued(int ahead) {
    return "⏳ **Queued** — the Kling account is running as many edits as it can. "
        + (ahead == 0
            ? "Yours is next in line"
            : ahead + (ahead == 1 ? " edit is" : " edits are") + " ahead of yours")
        + "; it starts by itself.";
  }

  static String running(Edit edit, TaskState status, Instant now) {
    String elapsed = elapsedSince(edit, now);
    if (status == TaskState.PROCESSING) {
      return "⚙️ **Processing** edit `" + edit.id() + "` · " + elapsed + " elapsed";
    }
    return "📨 **Submitted** edit `" + edit.id() + "` to Kling · waiting to start · " + elapsed;
  }

  static String done(Edit edit, Instant now) {
    return "✅ **Done** — edit `" + edit.id() + "` took " + elapsedSince(edit, now);
  }

  static String failed(Edit edit) {
    return "❌ **Failed** — edit `" + edit.id() + "` did not finish";
  }

  /** Kling did not finish within {@code timeout}. */
  static String timedOut(Duration timeout) {
    return "Kling did not finish this edit within "
        + Durations.words(timeout)
        + ", so it was stopped and your units were refunded. Please try again.";
  }

  static String lost() {
    return "Kling no longer knows this task, so it cannot finish." + REFUNDED;
  }

  /** Kling refused to create the task; {@code why} is Kling's reason in plain words. */
  static String refused(String why) {
    return why + REFUNDED;
  }

  static String noVideo() {
    return "Kling finished but sent no video back." + REFUNDED;
  }

  static String klingFailed(String statusMessage) {
    return "Kling could not make this edit: "
        + (statusMessage == null || statusMessage.isBlank() ? "no reason given." : statusMessage)
        + REFUNDED;
  }

  static String sessionExpired() {
    return "This edit expired: Kling keeps a video's selection for 24 hours and it was not"
        + " submitted in time. Start a new edit to try again.";
  }

  private static String elapsedSince(Edit edit, Instant now) {
    Instant start =
        edit.task().submittedAt() != null ? edit.task().submittedAt() : edit.createdAt();
    return Texts.elapsed(Duration.between(start, now));
  }
}
