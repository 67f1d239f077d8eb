package dev.klingbot.benchmarks.load;

import dev.klingbot.core.Platform;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditEvent;
import dev.klingbot.core.edit.EditIds;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.edit.KlingSession;
import dev.klingbot.core.edit.Origin;
import dev.klingbot.core.edit.Outcome;
import dev.klingbot.core.edit.SourceVideo;
import dev.klingbot.core.edit.TaskProgress;
import dev.klingbot.core.edit.TaskState;
import dev.klingbot.core.store.EditStore;
import dev.klingbot.core.testing.Edits;
import dev.klingbot.kling.CreateTaskRequest;
import dev.klingbot.kling.EditMode;
import dev.klingbot.kling.InitSelectionRequest;
import dev.klingbot.kling.InitSelectionResult;
import dev.klingbot.kling.KlingClient;
import dev.klingbot.kling.TaskDuration;
import dev.klingbot.kling.TaskInfo;
import dev.klingbot.kling.TaskMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Puts open edits into the bot's database with the core's own store, in the state the job runner
 * follows: {@code processing}, with a Kling task that really runs in the simulator (created there
 * with the edit id as {@code external_task_id}, as the bot creates it) and a next check planned.
 * Also records the finished tasks a running bot has learned from, so the poll planner plans from a
 * history rather than from its cold-start backoff.
 */
final class OpenEdits {
  static final String[] USERS = {"U_ALICE", "U_BOB", "U_LISTED", "U_ADMIN"};
  // the people the delivered history is spread over (the measured commands come from USERS)
  private static final int HISTORY_USERS = 2_000;
  private static final String PROMPT = "Delete the red car from <<<video_1>>>";

  private OpenEdits() {}

  /**
   * Creates {@code count} Kling tasks on the session of {@code videoUrl} and stores an edit
   * following each: the first {@code dueNow} due at once, the next checks of the others spread
   * evenly over {@code checksOver} from now; returns the edit ids.
   */
  static List<String> seed(
      EditStore edits,
      KlingClient kling,
      String videoUrl,
      String modelName,
      int count,
      int dueNow,
      Duration checksOver)
      throws Exception {
    InitSelectionResult session = kling.initSelection(InitSelectionRequest.ofVideoUrl(videoUrl));
    Instant now = Instant.now();
    KlingSession stored =
        new KlingSession(
            session.sessionId(),
            now.plus(Duration.ofHours(23)),
            session.width(),
            session.height(),
            session.totalFrame(),
            session.fps(),
            null,
            null);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(EditIds.next());
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> pending = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        pending.add(
            pool.submit(
                () -> {
                  String id = ids.get(index);
                  TaskInfo task =
                      kling.createTask(
                          CreateTaskRequest.builder()
                              .modelName(modelName)
                              .sessionId(session.sessionId())
                              .editMode(EditMode.REMOVAL)
                              .prompt(PROMPT)
                              .mode(TaskMode.STD)
                              .duration(TaskDuration.FIVE)
                              .externalTaskId(id)
                              .build());
                  Instant nextCheck =
                      index < dueNow
                          ? Instant.now()
                          : Instant.now()
                              .plusMillis(
                                  checksOver.toMillis() * (index - dueNow) / (count - dueNow));
                  edits.insert(following(id, index, stored, videoUrl, task, nextCheck), null);
                  return null;
                }));
      }
      for (Future<?> future : pending) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return ids;
  }

  /** One edit as the runner finds it after it created the task: processing, a check planned. */
  private static Edit following(
      String id,
      int index,
      KlingSession session,
      String videoUrl,
      TaskInfo task,
      Instant nextCheck) {
    Instant now = Instant.now();
    Instant submitted = now.minusSeconds(30);
    String user = USERS[index % USERS.length];
    return new Edit(
        id,
        EditState.PROCESSING,
        new Origin(
            Platform.SLACK, "T1", "C1", "1700000000." + (100_000 + index), user, "user " + user),
        Edits.removalRequest(),
        List.of(),
        new SourceVideo("clip.mp4", null, videoUrl, "{}", "{}", false, null, null),
        session,
        new TaskProgress(
            task.taskId(),
            TaskState.of(task.status()),
            null,
            false,
            submitted,
            nextCheck,
            0,
            submitted),
        Outcome.none(),
        null,
        null,
        EditIds.secret(),
        submitted,
        submitted,
        0);
  }

  /**
   * Stores {@code count} delivered edits whose tasks took {@code shortest} to {@code longest}: what
   * the planner learns from in a bot that has finished tasks before.
   */
  static void history(EditStore edits, int count, Duration shortest, Duration longest) {
    Instant at = Instant.now().minus(Duration.ofHours(1));
    long step = (longest.toMillis() - shortest.toMillis()) / Math.max(1, count - 1);
    for (int i = 0; i < count; i++) {
      String id = EditIds.next();
      Edits.storeDelivered(edits, id, at);
      edits
          .durations()
          .record(
              id,
              TaskMode.STD,
              TaskDuration.FIVE,
              Duration.ofMillis(shortest.toMillis() + i * step),
              at);
    }
  }

  /**
   * Stores {@code count} Slack edits delivered over the past {@code over}: the history a bot that
   * has run for months keeps (retention deletes their files, not their rows), which the runner's
   * once-a-second look for due work must not read.
   */
  static void delivered(EditStore edits, int count, Duration over) throws Exception {
    Instant start = Instant.now().minus(over);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> pending = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Instant at = start.plusMillis(over.toMillis() * i / count);
        String user = "U_PAST" + (i % HISTORY_USERS);
        Origin origin =
            new Origin(Platform.SLACK, "T1", "C1", "1600000000." + (100_000 + i), user, user);
        pending.add(
            pool.submit(
                () -> {
                  Edit done =
                      edits.insert(Edits.removal(EditIds.next(), at).withOrigin(origin), null);
                  return edits.update(
                      Edits.inState(done, EditState.SUCCEEDED)
                          .withOutcome(done.outcome().delivered(at)),
                      at,
                      EditEvent.DELIVERED,
                      null);
                }));
      }
      for (Future<?> future : pending) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
