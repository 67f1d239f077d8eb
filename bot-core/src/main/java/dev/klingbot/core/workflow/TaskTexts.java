package dev.klingbot.core.workflow;

import dev.klingbot.core.Durations;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.TaskState;
import dev.klingbot.core.i18n.Messages;
import java.time.Duration;
import java.time.Instant;

/**
 * The words users read while the job runner follows a task: the progress line (queued, submitted,
 * processing, done) and the reasons a task ended badly. The sentences are in the {@code task}
 * bundle.
 */
final class TaskTexts {
  private TaskTexts() {}

  static String queued(int ahead) {
    return Messages.text("task.queued", ahead);
  }

  static String running(Edit edit, TaskState status, Instant now) {
    String elapsed = elapsedSince(edit, now);
    if (status == TaskState.PROCESSING) {
      return Messages.text("task.processing", edit.id(), elapsed);
    }
    return Messages.text("task.submitted", edit.id(), elapsed);
  }

  static String done(Edit edit, Instant now) {
    return Messages.text("task.done", edit.id(), elapsedSince(edit, now));
  }

  static String failed(Edit edit) {
    return Messages.text("task.failed", edit.id());
  }

  /** Kling did not finish within {@code timeout}. */
  static String timedOut(Duration timeout) {
    return Messages.text("task.timed.out", Durations.words(timeout));
  }

  static String lost() {
    return Messages.text("task.lost");
  }

  /** Kling refused to create the task; {@code why} is Kling's reason in plain words. */
  static String refused(String why) {
    return Messages.text("task.refused", why);
  }

  static String noVideo() {
    return Messages.text("task.no.video");
  }

  static String klingFailed(String statusMessage) {
    return statusMessage == null || statusMessage.isBlank()
        ? Messages.text("task.kling.failed.no.reason")
        : Messages.text("task.kling.failed", statusMessage);
  }

  static String sessionExpired() {
    return Messages.text("task.session.expired");
  }

  private static String elapsedSince(Edit edit, Instant now) {
    Instant start =
        edit.task().submittedAt() != null ? edit.task().submittedAt() : edit.createdAt();
    return Texts.elapsed(Duration.between(start, now));
  }
}
