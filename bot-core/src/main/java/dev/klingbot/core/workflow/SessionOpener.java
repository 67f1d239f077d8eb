package dev.klingbot.core.workflow;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditEvent;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.edit.KlingSession;
import dev.klingbot.core.store.EditStore;
import dev.klingbot.kling.InitSelectionRequest;
import dev.klingbot.kling.InitSelectionResult;
import dev.klingbot.kling.KlingClient;
import dev.klingbot.kling.KlingException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens an edit's Kling selection session (init-selection), at the start or, after Kling was busy
 * or down, from the job runner. A transient failure leaves the edit {@code created} with the video
 * URL and the time of the next try stored (see {@link TransientRetry}); any other failure, and a
 * transient one once the retry window has passed, is thrown for the caller to end the edit.
 */
final class SessionOpener {
  private static final Logger LOG = LoggerFactory.getLogger(SessionOpener.class);

  private final KlingClient kling;
  private final EditStore edits;
  private final TransientRetry retry;
  private final WorkflowSettings settings;
  private final Clock clock;

  SessionOpener(
      KlingClient kling,
      EditStore edits,
      TransientRetry retry,
      WorkflowSettings settings,
      Clock clock) {
    this.kling = requireNonNull(kling, "kling is null");
    this.edits = requireNonNull(edits, "edits is null");
    this.retry = requireNonNull(retry, "retry is null");
    this.settings = requireNonNull(settings, "settings is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /**
   * The edit after the try: {@code selecting} with its session, or still {@code created} and
   * waiting ({@code waiting} present).
   */
  record Opened(Edit edit, Optional<TransientRetry.Wait> waiting) {}

  /**
   * Calls init-selection (with the source's Kling {@code video_id} when it has one, else with
   * {@code videoUrl}) and stores the session; the edit moves to {@code selecting}.
   *
   * @throws KlingException when Kling refused, or stayed unavailable for the whole retry window
   */
  Opened open(Edit edit, String videoUrl) {
    edits.log().record(edit.id(), clock.instant(), EditEvent.OPENING_SESSION, null);
    InitSelectionResult result;
    try {
      String videoId = edit.video().klingVideoId();
      result =
          kling.initSelection(
              videoId != null
                  ? InitSelectionRequest.ofVideoId(videoId)
                  : InitSelectionRequest.ofVideoUrl(videoUrl));
    } catch (KlingException e) {
      if (!TransientRetry.isTransient(e)) {
        throw e;
      }
      Optional<TransientRetry.Wait> wait = retry.after(edit, e);
      if (wait.isEmpty()) {
        throw e;
      }
      LOG.warn(
          "Edit {}: init-selection failed ({}); trying again at {}",
          edit.id(),
          e.getMessage(),
          wait.get().next());
      Instant now = clock.instant();
      Edit waiting =
          edits.update(
              edit.withVideo(edit.video().withUrl(videoUrl))
                  .withTask(edit.task().checkAt(wait.get().next())),
              now,
              EditEvent.KLING_UNAVAILABLE,
              "init-selection: " + e.getMessage());
      return new Opened(waiting, wait);
    }
    Instant now = clock.instant();
    KlingSession session =
        new KlingSession(
            result.sessionId(),
            now.plus(settings.jobs().sessionTtl()),
            result.width(),
            result.height(),
            result.totalFrame(),
            result.fps(),
            null,
            null);
    Edit opened =
        edits.update(
            edit.withState(EditState.SELECTING)
                .withSession(session)
                .withVideo(edit.video().withUrl(videoUrl))
                .withTask(edit.task().checkAt(null)),
            now,
            EditEvent.SESSION_OPENED,
            result.sessionId());
    return new Opened(opened, Optional.empty());
  }
}
