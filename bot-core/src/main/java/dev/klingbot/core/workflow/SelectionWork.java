package dev.klingbot.core.workflow;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditEvent;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.edit.KlingSession;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.media.Downloads;
import dev.klingbot.core.media.FrameExtractor;
import dev.klingbot.core.media.GridOverlay;
import dev.klingbot.core.media.MediaException;
import dev.klingbot.core.store.EditStore;
import dev.klingbot.core.store.SelectionStore;
import dev.klingbot.kling.KlingClient;
import dev.klingbot.kling.KlingException;
import dev.klingbot.kling.Point;
import dev.klingbot.kling.PreviewResult;
import dev.klingbot.kling.SelectionRequest;
import dev.klingbot.kling.SelectionResult;
import dev.klingbot.kling.mask.MaskBitmap;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Marking the element: points on frames go to Kling (add-, delete-, clear-selection), the masks it
 * answers are stored, and preview-selection shows the tracked result. Each Kling call is preceded
 * by a stored intent ({@link EditEvent#SELECTING} with the points, ...) and followed by the stored
 * result, as {@link dev.klingbot.core.edit.EditLifecycle} says. Limits are {@link
 * SelectionLimits}', geometry is {@link SelectionGeometry}'s, words are {@link SelectionViews}'.
 */
public final class SelectionWork {
  private final KlingClient kling;
  private final EditStore edits;
  private final SelectionStore selections;
  private final MediaFiles files;
  private final FrameExtractor frames;
  private final Downloads downloads;
  private final Clock clock;

  public SelectionWork(
      KlingClient kling,
      EditStore edits,
      SelectionStore selections,
      MediaFiles files,
      FrameExtractor frames,
      Downloads downloads,
      Clock clock) {
    this.kling = requireNonNull(kling, "kling is null");
    this.edits = requireNonNull(edits, "edits is null");
    this.selections = requireNonNull(selections, "selections is null");
    this.files = requireNonNull(files, "files is null");
    this.frames = requireNonNull(frames, "frames is null");
    this.downloads = requireNonNull(downloads, "downloads is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** The frame with the labelled grid, for pointing at cells. */
  Reply grid(Edit edit, int frameIndex) {
    int frame = checkFrame(edit, frameIndex);
    Path file = files.grid(edit.id(), frame);
    frames.writePng(new GridOverlay().draw(frame(edit, frame)), file);
    return Reply.of(edit, SelectionViews.grid(edit, frame, file));
  }

  /** Adds points on a frame; answers the frame with Kling's mask drawn over it. */
  Reply select(
      Edit edit, int frameIndex, List<Point> requested, List<String> labels, boolean render) {
    int frame = checkFrame(edit, frameIndex);
    Map<Integer, List<Point>> marked = selections.points(edit.id());
    List<Point> onFrame = marked.getOrDefault(frame, List.of());
    List<Point> fresh = new ArrayList<>();
    for (Point point : requested) {
      if (!onFrame.contains(point) && !fresh.contains(point)) {
        fresh.add(point);
      }
    }
    if (fresh.isEmpty()) {
      throw new EditException(EditException.Kind.SELECTION, SelectionViews.alreadyMarked(frame));
    }
    SelectionLimits.checkAdd(marked, frame, fresh);
    String detail = "frame " + frame + ": " + String.join(" ", labels);
    Edit intent = intend(edit, EditEvent.SELECTING, detail);
    SelectionResult result = changePoints(edit, intent, frame, fresh, kling::addSelection);
    Instant now = clock.instant();
    selections.add(edit.id(), frame, fresh);
    selections.saveMasks(edit.id(), frame, SelectionGeometry.writeMasks(result.rleMaskList()), now);
    Edit updated = edits.update(intent, now, EditEvent.SELECTED, detail);
    return answer(updated, frame, SelectionViews.marked(labels, frame), render);
  }

  /** Removes points from a frame (matched to the marked ones), answering the new mask. */
  Reply unselect(Edit edit, int frameIndex, List<Point> requested, boolean render) {
    int frame = checkFrame(edit, frameIndex);
    List<Point> onFrame = selections.points(edit.id()).getOrDefault(frame, List.of());
    List<Point> exact = new ArrayList<>();
    for (Point point : requested) {
      Point nearest =
          SelectionGeometry.nearest(onFrame, point)
              .orElseThrow(
                  () ->
                      new EditException(
                          EditException.Kind.SELECTION,
                          SelectionViews.nothingNear(point, frame, onFrame)));
      if (!exact.contains(nearest)) {
        exact.add(nearest);
      }
    }
    String detail = "frame " + frame + ": " + SelectionViews.describe(exact);
    Edit intent = intend(edit, EditEvent.UNSELECTING, detail);
    SelectionResult result = changePoints(edit, intent, frame, exact, kling::deleteSelection);
    Instant now = clock.instant();
    selections.remove(edit.id(), frame, exact);
    if (selections.points(edit.id()).containsKey(frame)) {
      selections.saveMasks(
          edit.id(), frame, SelectionGeometry.writeMasks(result.rleMaskList()), now);
    }
    Edit updated = edits.update(intent, now, EditEvent.UNSELECTED, detail);
    return answer(updated, frame, SelectionViews.unmarked(exact, frame), render);
  }

  /** Kling's answer to a change of the points on {@code frame} of the edit's session. */
  private SelectionResult changePoints(
      Edit edit,
      Edit intent,
      int frame,
      List<Point> points,
      Function<SelectionRequest, SelectionResult> change) {
    return call(
        edit,
        intent,
        () -> change.apply(new SelectionRequest(edit.session().sessionId(), frame, points)));
  }

  /** The answer to a change on {@code frame}: the frame with the new mask, or the words alone. */
  private Reply answer(Edit updated, int frame, String what, boolean render) {
    return Reply.of(updated, render ? maskMessage(updated, frame, what) : ChatMessage.text(what));
  }

  /** Removes every marked point. */
  Reply clear(Edit edit) {
    Edit intent = intend(edit, EditEvent.CLEARING, null);
    call(edit, intent, () -> kling.clearSelection(edit.session().sessionId()));
    Instant now = clock.instant();
    selections.clear(edit.id());
    Edit updated =
        edits.update(
            intent.withSession(intent.session().withPreview(null, null)),
            now,
            EditEvent.CLEARED,
            null);
    return Reply.of(updated, SelectionViews.cleared(updated));
  }

  /** Asks Kling to track the selection through the video and shows the cover and video. */
  Reply preview(Edit edit) {
    if (selections.points(edit.id()).isEmpty()) {
      throw new EditException(EditException.Kind.SELECTION, SelectionViews.nothingToPreview(edit));
    }
    Edit intent = edits.update(edit, clock.instant(), EditEvent.PREVIEWING, null);
    PreviewResult preview =
        call(edit, intent, () -> kling.previewSelection(edit.session().sessionId()));
    Instant now = clock.instant();
    KlingSession session = intent.session().withPreview(preview.video(), preview.videoCover());
    Edit updated =
        edits.update(
            intent.withState(EditState.PREVIEWED).withSession(session),
            now,
            EditEvent.PREVIEWED,
            preview.video());
    Path cover = null;
    String coverProblem = null;
    if (preview.videoCover() != null) {
      Path file = files.previewCover(edit.id());
      try {
        downloads.download(preview.videoCover(), file, 20L << 20);
        cover = file;
      } catch (MediaException e) {
        coverProblem = e.getMessage();
      }
    }
    return Reply.of(updated, SelectionViews.preview(updated, preview.video(), cover, coverProblem));
  }

  /** The marked frames with their final masks, for the thread after selecting on the web page. */
  Reply summary(Edit edit) {
    SelectionState state = state(edit);
    if (state.points().isEmpty()) {
      return Reply.of(edit, SelectionViews.nothingMarked(edit));
    }
    ChatMessage message = null;
    for (Integer frame : state.points().keySet()) {
      ChatMessage one = maskMessage(edit, frame, SelectionViews.finalSelection(frame));
      message = message == null ? one : message.withFile(one.files().get(0));
    }
    return Reply.of(edit, message);
  }

  /** The stored marked points of an edit, by frame, wherever they were marked. */
  Map<Integer, List<Point>> points(Edit edit) {
    return selections.points(edit.id());
  }

  /** Every marked point and decoded mask of an edit, by frame (the web editor shows these). */
  SelectionState state(Edit edit) {
    Map<Integer, List<Point>> points = selections.points(edit.id());
    Map<Integer, List<MaskBitmap>> masks = new LinkedHashMap<>();
    selections
        .masks(edit.id())
        .forEach(
            (frame, json) ->
                masks.put(
                    frame,
                    SelectionGeometry.decode(
                        json, edit.session().width(), edit.session().height())));
    return new SelectionState(edit.id(), points, masks);
  }

  /**
   * Stores the intent of a selection call before it is sent: the event with its detail, and the
   * move to {@code selecting} (marking after a preview makes the preview stale).
   */
  private Edit intend(Edit edit, EditEvent event, String detail) {
    return edits.update(edit.withState(EditState.SELECTING), clock.instant(), event, detail);
  }

  /** What the user reads when Kling did not answer a selection call (5xx, 1302, no answer). */
  static String noAnswer() {
    return Messages.text("selection.kling.no.answer");
  }

  /**
   * Makes a Kling call; a failure is stored and becomes the user's sentence. Nothing changed at
   * Kling, so the edit goes back to the state it was in ({@code previewed} stays previewed) and
   * stays usable: a Kling that is busy or down gets {@link #noAnswer()}, a refusal Kling's reason.
   */
  private <T> T call(Edit before, Edit intent, Supplier<T> request) {
    try {
      return request.get();
    } catch (KlingException e) {
      Instant now = clock.instant();
      if (intent.state() != before.state()) {
        edits.update(
            intent.withState(before.state()), now, EditEvent.SELECTION_FAILED, e.getMessage());
      } else {
        edits.log().record(intent.id(), now, EditEvent.SELECTION_FAILED, e.getMessage());
      }
      String sentence = TransientRetry.isTransient(e) ? noAnswer() : KlingMessages.describe(e);
      throw new EditException(EditException.Kind.KLING, sentence, e);
    }
  }

  /** The frame with the marked points and the current mask drawn, as a message. */
  private ChatMessage maskMessage(Edit edit, int frame, String what) {
    SelectionState state = state(edit);
    List<MaskBitmap> masks = state.masks().getOrDefault(frame, List.of());
    List<Point> points = state.points().getOrDefault(frame, List.of());
    BufferedImage drawn = SelectionGeometry.draw(frame(edit, frame), masks, points);
    Path file = files.mask(edit.id(), frame);
    frames.writePng(drawn, file);
    boolean empty = masks.stream().allMatch(MaskBitmap::isEmpty);
    return SelectionViews.mask(edit, frame, what, state.points(), empty, file);
  }

  private BufferedImage frame(Edit edit, int frame) {
    if (edit.video().file() == null) {
      throw new EditException(EditException.Kind.VIDEO, Messages.text("selection.no.frames"));
    }
    try {
      return frames.frame(Path.of(edit.video().file()), frame);
    } catch (MediaException e) {
      throw new EditException(EditException.Kind.VIDEO, e.getMessage(), e);
    }
  }

  private int checkFrame(Edit edit, int frameIndex) {
    int total = edit.session().totalFrames();
    if (frameIndex < 0 || (total > 0 && frameIndex >= total)) {
      throw new EditException(
          EditException.Kind.SELECTION, SelectionViews.noSuchFrame(frameIndex, total));
    }
    return frameIndex;
  }
}
