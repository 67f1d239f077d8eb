package dev.klingbot.core.workflow;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.klingbot.core.chat.ChatAction;
import dev.klingbot.core.chat.ChatAction.Kind;
import dev.klingbot.core.chat.ChatAction.Style;
import dev.klingbot.core.chat.ChatFile;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.edit.KlingSession;
import dev.klingbot.core.media.Downloads;
import dev.klingbot.core.media.FrameExtractor;
import dev.klingbot.core.media.GridCell;
import dev.klingbot.core.media.GridOverlay;
import dev.klingbot.core.media.MaskOverlay;
import dev.klingbot.core.media.MediaException;
import dev.klingbot.core.store.EditStore;
import dev.klingbot.core.store.SelectionStore;
import dev.klingbot.kling.KlingClient;
import dev.klingbot.kling.KlingException;
import dev.klingbot.kling.MaskEntry;
import dev.klingbot.kling.Point;
import dev.klingbot.kling.PreviewResult;
import dev.klingbot.kling.SelectionRequest;
import dev.klingbot.kling.SelectionResult;
import dev.klingbot.kling.mask.MaskBitmap;
import dev.klingbot.kling.mask.MaskDecoder;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Marking the element: points on frames go to Kling (add-, delete-, clear-selection), the masks it
 * answers are stored and drawn over the frame, and preview-selection shows the tracked result.
 */
final class SelectionWork {
  static final int MAX_POINTS_PER_FRAME = 10;
  static final int MAX_FRAMES = 10;

  /** How close a typed point must be to a marked one to unmark it (a fraction of the frame). */
  static final double UNSELECT_TOLERANCE = 0.03;

  private static final ObjectMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final KlingClient kling;
  private final EditStore edits;
  private final SelectionStore selections;
  private final MediaFiles files;
  private final FrameExtractor frames;
  private final Downloads downloads;
  private final Clock clock;

  SelectionWork(
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
    BufferedImage image = frame(edit, frame);
    Path file = files.grid(edit.id(), frame);
    frames.writePng(new GridOverlay().draw(image), file);
    String text =
        "🔲 Frame "
            + frame
            + " of edit `"
            + edit.id()
            + "` with a grid. Answer with the cells that cover "
            + target(edit)
            + ", e.g. "
            + Texts.command(edit.origin().platform(), "select C4 D4")
            + (frame == 0 ? " (add `frame:N` to mark another frame)" : " frame:" + frame)
            + ".";
    return Reply.of(
        edit,
        ChatMessage.text(text)
            .withFile(
                new ChatFile(
                    file,
                    "grid-frame-" + frame + ".png",
                    "Frame " + frame + " with grid cells A–J × 1–10")));
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
      throw new EditException(
          EditException.Kind.SELECTION, "Those points are already marked on frame " + frame + ".");
    }
    if (onFrame.size() + fresh.size() > MAX_POINTS_PER_FRAME) {
      throw new EditException(
          EditException.Kind.SELECTION,
          "Kling takes at most 10 points per frame; frame "
              + frame
              + " has "
              + onFrame.size()
              + " and you added "
              + fresh.size()
              + ". Unmark some points or clear the selection first.");
    }
    if (onFrame.isEmpty() && marked.size() >= MAX_FRAMES) {
      throw new EditException(
          EditException.Kind.SELECTION,
          "Kling takes at most 10 marked frames, and frames "
              + marked.keySet()
              + " are marked. Add the points to one of those frames, or clear the selection.");
    }
    SelectionResult result;
    try {
      result = kling.addSelection(new SelectionRequest(edit.session().sessionId(), frame, fresh));
    } catch (KlingException e) {
      throw new EditException(EditException.Kind.KLING, KlingMessages.describe(e), e);
    }
    Instant now = clock.instant();
    selections.add(edit.id(), frame, fresh);
    selections.saveMasks(edit.id(), frame, writeMasks(result.rleMaskList()), now);
    Edit updated =
        edits.update(
            edit.withState(EditState.SELECTING),
            now,
            "selected",
            "frame " + frame + ": " + String.join(" ", labels));
    String what = "Marked " + String.join(" ", labels) + " on frame " + frame + ".";
    return Reply.of(updated, render ? maskMessage(updated, frame, what) : ChatMessage.text(what));
  }

  /** Removes points from a frame (matched to the marked ones), answering the new mask. */
  Reply unselect(Edit edit, int frameIndex, List<Point> requested, boolean render) {
    int frame = checkFrame(edit, frameIndex);
    List<Point> onFrame = selections.points(edit.id()).getOrDefault(frame, List.of());
    List<Point> exact = new ArrayList<>();
    for (Point point : requested) {
      Point nearest = null;
      double best = UNSELECT_TOLERANCE;
      for (Point candidate : onFrame) {
        double distance = Math.hypot(candidate.x() - point.x(), candidate.y() - point.y());
        if (distance <= best) {
          best = distance;
          nearest = candidate;
        }
      }
      if (nearest == null) {
        throw new EditException(
            EditException.Kind.SELECTION,
            String.format(
                    Locale.ROOT,
                    "No marked point near %.2f,%.2f on frame %d. ",
                    point.x(),
                    point.y(),
                    frame)
                + (onFrame.isEmpty()
                    ? "That frame has no marked points."
                    : "Marked there: " + describe(onFrame) + "."));
      }
      if (!exact.contains(nearest)) {
        exact.add(nearest);
      }
    }
    SelectionResult result;
    try {
      result =
          kling.deleteSelection(new SelectionRequest(edit.session().sessionId(), frame, exact));
    } catch (KlingException e) {
      throw new EditException(EditException.Kind.KLING, KlingMessages.describe(e), e);
    }
    Instant now = clock.instant();
    selections.remove(edit.id(), frame, exact);
    if (selections.points(edit.id()).containsKey(frame)) {
      selections.saveMasks(edit.id(), frame, writeMasks(result.rleMaskList()), now);
    }
    Edit updated =
        edits.update(
            edit.withState(EditState.SELECTING),
            now,
            "unselected",
            "frame " + frame + ": " + describe(exact));
    String unmarked = "Unmarked " + describe(exact) + " on frame " + frame + ".";
    return Reply.of(
        updated, render ? maskMessage(updated, frame, unmarked) : ChatMessage.text(unmarked));
  }

  /** Removes every marked point. */
  Reply clear(Edit edit) {
    try {
      kling.clearSelection(edit.session().sessionId());
    } catch (KlingException e) {
      throw new EditException(EditException.Kind.KLING, KlingMessages.describe(e), e);
    }
    Instant now = clock.instant();
    selections.clear(edit.id());
    Edit updated =
        edits.update(
            edit.withState(EditState.SELECTING).withSession(edit.session().withPreview(null, null)),
            now,
            "cleared",
            null);
    return Reply.of(
        updated,
        ChatMessage.text(
            "🧹 Cleared every marked point of edit `"
                + edit.id()
                + "`. Kling will find "
                + target(edit)
                + " from the prompt alone unless you mark it again."));
  }

  /** Asks Kling to track the selection through the video and shows the cover and video. */
  Reply preview(Edit edit) {
    if (selections.points(edit.id()).isEmpty()) {
      throw new EditException(
          EditException.Kind.SELECTION,
          "There is nothing to preview yet: mark "
              + target(edit)
              + " first with "
              + Texts.command(edit.origin().platform(), "select C4")
              + ", or submit without a selection.");
    }
    PreviewResult preview;
    try {
      preview = kling.previewSelection(edit.session().sessionId());
    } catch (KlingException e) {
      throw new EditException(EditException.Kind.KLING, KlingMessages.describe(e), e);
    }
    Instant now = clock.instant();
    KlingSession session = edit.session().withPreview(preview.video(), preview.videoCover());
    Edit updated =
        edits.update(
            edit.withState(EditState.PREVIEWED).withSession(session),
            now,
            "previewed",
            preview.video());
    StringBuilder text =
        new StringBuilder("👀 Preview of edit `")
            .append(edit.id())
            .append("`: the tracked selection is drawn over the video.");
    ChatMessage message = ChatMessage.text("");
    if (preview.videoCover() != null) {
      Path cover = files.previewCover(edit.id());
      try {
        downloads.download(preview.videoCover(), cover, 20L << 20);
        message =
            message.withFile(
                new ChatFile(cover, "preview-cover.png", "Cover of the tracked selection"));
      } catch (MediaException e) {
        text.append(" (The cover image could not be fetched: ").append(e.getMessage()).append(")");
      }
    }
    if (preview.video() != null) {
      text.append("\nWatch the tracking: ").append(preview.video());
    }
    text.append("\nIf it follows ")
        .append(target(edit))
        .append(", press **Submit**; otherwise mark more points or clear.");
    List<ChatAction> actions = new ArrayList<>();
    if (preview.video() != null) {
      actions.add(ChatAction.link(Kind.OPEN_LINK, edit.id(), "Watch preview", preview.video()));
    }
    actions.add(ChatAction.button(Kind.SUBMIT, edit.id(), "Submit", Style.SUCCESS));
    actions.add(
        ChatAction.button(Kind.CLEAR_SELECTION, edit.id(), "Clear selection", Style.SECONDARY));
    actions.add(ChatAction.button(Kind.CANCEL, edit.id(), "Cancel", Style.DANGER));
    message = new ChatMessage(text.toString(), message.files(), actions, null, false);
    return Reply.of(updated, message);
  }

  /** The marked frames with their final masks, for the thread after selecting on the web page. */
  Reply summary(Edit edit) {
    SelectionState state = state(edit);
    if (state.points().isEmpty()) {
      return Reply.of(
          edit,
          ChatMessage.text(
              "Nothing is marked on edit `"
                  + edit.id()
                  + "`; Kling will find "
                  + target(edit)
                  + " from the prompt alone."));
    }
    ChatMessage message = null;
    for (Integer frame : state.points().keySet()) {
      ChatMessage one = maskMessage(edit, frame, "Selection on frame " + frame + ".");
      message = message == null ? one : message.withFile(one.files().get(0));
    }
    return Reply.of(edit, message);
  }

  /** Every marked point and decoded mask of an edit, by frame (the web editor shows these). */
  SelectionState state(Edit edit) {
    Map<Integer, List<Point>> points = selections.points(edit.id());
    Map<Integer, List<MaskBitmap>> masks = new LinkedHashMap<>();
    selections.masks(edit.id()).forEach((frame, json) -> masks.put(frame, decode(edit, json)));
    return new SelectionState(edit.id(), points, masks);
  }

  /** The frame with the marked points and the current mask drawn, as a message. */
  private ChatMessage maskMessage(Edit edit, int frame, String what) {
    SelectionState state = state(edit);
    List<MaskBitmap> masks = state.masks().getOrDefault(frame, List.of());
    List<Point> points = state.points().getOrDefault(frame, List.of());
    BufferedImage image = frame(edit, frame);
    List<Point2D> marks = new ArrayList<>();
    points.forEach(point -> marks.add(new Point2D.Double(point.x(), point.y())));
    BufferedImage drawn =
        new MaskOverlay().draw(image, union(masks, image.getWidth(), image.getHeight()), marks);
    Path file = files.mask(edit.id(), frame);
    frames.writePng(drawn, file);
    boolean empty = masks.stream().allMatch(MaskBitmap::isEmpty);
    String text =
        "🎯 "
            + what
            + (empty
                ? " Kling found no element there; try the middle of " + target(edit) + "."
                : " The highlighted area is " + target(edit) + " as Kling sees it.")
            + " Marked so far: "
            + summary(state.points())
            + ". Next: more points, "
            + Texts.command(edit.origin().platform(), "unselect C4")
            + ", **Preview** or **Submit**.";
    return ChatMessage.text(text)
        .withFile(
            new ChatFile(
                file,
                "selection-frame-" + frame + ".png",
                "Frame " + frame + " with the selection"))
        .withActions(
            List.of(
                ChatAction.button(Kind.PREVIEW, edit.id(), "Preview", Style.SECONDARY),
                ChatAction.button(Kind.SUBMIT, edit.id(), "Submit", Style.SUCCESS),
                ChatAction.button(
                    Kind.CLEAR_SELECTION, edit.id(), "Clear selection", Style.SECONDARY)));
  }

  private static MaskBitmap union(List<MaskBitmap> masks, int width, int height) {
    MaskBitmap union = new MaskBitmap(width, height);
    for (MaskBitmap mask : masks) {
      for (int y = 0; y < height; y++) {
        int sourceY = (int) ((long) y * mask.height() / height);
        for (int x = 0; x < width; x++) {
          if (mask.get((int) ((long) x * mask.width() / width), sourceY)) {
            union.set(x, y, true);
          }
        }
      }
    }
    return union;
  }

  private BufferedImage frame(Edit edit, int frame) {
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
          EditException.Kind.SELECTION,
          "Frame "
              + frameIndex
              + " does not exist: the video has "
              + total
              + " frames, numbered 0 to "
              + (total - 1)
              + ".");
    }
    return frameIndex;
  }

  private List<MaskBitmap> decode(Edit edit, String json) {
    List<MaskBitmap> masks = new ArrayList<>();
    for (MaskEntry entry : readMasks(json)) {
      if (entry.rleMask() != null) {
        masks.add(
            MaskDecoder.decode(entry.rleMask(), edit.session().width(), edit.session().height()));
      }
    }
    return masks;
  }

  static String writeMasks(List<MaskEntry> masks) {
    try {
      List<MaskEntry> withoutPng = new ArrayList<>();
      for (MaskEntry entry : masks == null ? List.<MaskEntry>of() : masks) {
        withoutPng.add(new MaskEntry(entry.objectId(), entry.rleMask(), null));
      }
      return JSON.writeValueAsString(withoutPng);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write masks", e);
    }
  }

  static List<MaskEntry> readMasks(String json) {
    try {
      return JSON.readValue(json, new TypeReference<List<MaskEntry>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored masks are not valid JSON", e);
    }
  }

  static String target(Edit edit) {
    return switch (edit.request().mode()) {
      case REMOVAL -> "what to remove";
      case SWAP -> "what to replace";
      case ADDITION -> "where to add";
    };
  }

  static String describe(List<Point> points) {
    List<String> labels = new ArrayList<>();
    for (Point point : points) {
      labels.add(label(point));
    }
    return String.join(" ", labels);
  }

  /** A grid cell name when the point is a cell centre, else its coordinates. */
  static String label(Point point) {
    double column = point.x() * GridCell.SIZE - 0.5;
    double row = point.y() * GridCell.SIZE - 0.5;
    if (Math.abs(column - Math.round(column)) < 1e-9 && Math.abs(row - Math.round(row)) < 1e-9) {
      return "" + (char) ('A' + Math.round(column)) + (Math.round(row) + 1);
    }
    return String.format(Locale.ROOT, "%.2f,%.2f", point.x(), point.y());
  }

  static String summary(Map<Integer, List<Point>> points) {
    if (points.isEmpty()) {
      return "nothing";
    }
    List<String> parts = new ArrayList<>();
    points.forEach((frame, list) -> parts.add("frame " + frame + ": " + describe(list)));
    return String.join("; ", parts);
  }
}
