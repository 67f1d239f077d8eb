package dev.klingbot.core.workflow;

import dev.klingbot.core.edit.Edit;
import dev.klingbot.kling.TaskStatus;
import java.time.Duration;
import java.time.Instant;

/** The words of the progress message, one line each. */
final class ProgressTexts {
  private ProgressTexts() {}

  static String queued(int ahead) {
    return "⏳ **Queued** — the Kling account is running as many edits as it can. "
        + (ahead == 0
            ? "Yours is next in line"
            : ahead + (ahead == 1 ? " edit is" : " edits are") + " ahead of yours")
        + "; it starts by itself.";
  }

  static String running(Edit edit, TaskStatus status, Instant now) {
    String elapsed = elapsedSince(edit, now);
    if (status == TaskStatus.PROCESSING) {
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

  private static String elapsedSince(Edit edit, Instant now) {
    Instant start =
        edit.task().submittedAt() != null ? edit.task().submittedAt() : edit.createdAt();
    return Texts.elapsed(Duration.between(start, now));
  }
}
