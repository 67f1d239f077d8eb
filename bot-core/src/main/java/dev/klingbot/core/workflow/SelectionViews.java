package dev.klingbot.core.workflow;

import dev.klingbot.core.chat.ChatAction;
import dev.klingbot.core.chat.ChatAction.Kind;
import dev.klingbot.core.chat.ChatAction.Style;
import dev.klingbot.core.chat.ChatFile;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.media.GridCell;
import dev.klingbot.kling.Point;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words and buttons of marking the element: the grid frame, the frame with the mask, the
 * preview, clearing, and the refusals. Hints name the user's own cells, not a fixed example.
 */
final class SelectionViews {
  private SelectionViews() {}

  static ChatMessage grid(Edit edit, int frame, Path file) {
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
    return ChatMessage.text(text)
        .withFile(
            new ChatFile(
                file,
                "grid-frame-" + frame + ".png",
                "Frame " + frame + " with grid cells A–J × 1–10"));
  }

  static String marked(List<String> labels, int frame) {
    return "Marked " + String.join(" ", labels) + " on frame " + frame + ".";
  }

  static String unmarked(List<Point> points, int frame) {
    return "Unmarked " + describe(points) + " on frame " + frame + ".";
  }

  /**
   * The frame with the selection drawn.
   *
   * @param what what was just done, e.g. {@code Marked C4 on frame 0.}
   * @param points every marked point, by frame
   * @param empty whether Kling found no element on the frame
   */
  static ChatMessage mask(
      Edit edit,
      int frame,
      String what,
      Map<Integer, List<Point>> points,
      boolean empty,
      Path file) {
    boolean none = points.getOrDefault(frame, List.of()).isEmpty();
    String text =
        "🎯 "
            + what
            + (none
                ? " Frame " + frame + " has no marked points now."
                : empty
                    ? " Kling found no element there; try the middle of " + target(edit) + "."
                    : " The highlighted area is " + target(edit) + " as Kling sees it.")
            + " Marked so far: "
            + summary(points)
            + ". Next: mark more points"
            + unselectHint(edit, frame, points)
            + ", then "
            + Texts.press(edit.origin().platform(), Kind.PREVIEW, "Preview")
            + " to check the tracking, or "
            + Texts.press(edit.origin().platform(), Kind.SUBMIT, "Submit")
            + ".";
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

  /** How to unmark the last point marked on the frame, with its own label; empty when none. */
  private static String unselectHint(Edit edit, int frame, Map<Integer, List<Point>> points) {
    List<Point> onFrame = points.getOrDefault(frame, List.of());
    if (onFrame.isEmpty()) {
      return "";
    }
    String command =
        "unselect "
            + label(onFrame.get(onFrame.size() - 1))
            + (frame == 0 ? "" : " frame:" + frame);
    return ", take one back with " + Texts.command(edit.origin().platform(), command);
  }

  static ChatMessage cleared(Edit edit) {
    return ChatMessage.text(
        "🧹 Cleared every marked point of edit `"
            + edit.id()
            + "`. "
            + fromThePromptAlone(edit)
            + " unless you mark it again.");
  }

  static String nothingToPreview(Edit edit) {
    return "There is nothing to preview yet: mark "
        + target(edit)
        + " first with "
        + Texts.command(edit.origin().platform(), "select C4")
        + ", or submit without a selection.";
  }

  /**
   * The preview answer.
   *
   * @param cover the downloaded cover, or {@code null}
   * @param coverProblem why the cover could not be fetched, or {@code null}
   */
  static ChatMessage preview(Edit edit, String videoUrl, Path cover, String coverProblem) {
    StringBuilder text =
        new StringBuilder("👀 Preview of edit `")
            .append(edit.id())
            .append("`: the tracked selection is drawn over the video.");
    List<ChatFile> files = new ArrayList<>();
    if (cover != null) {
      files.add(new ChatFile(cover, "preview-cover.png", "Cover of the tracked selection"));
    }
    if (coverProblem != null) {
      text.append(" (The cover image could not be fetched: ").append(coverProblem).append(")");
    }
    text.append("\nIf it follows ")
        .append(target(edit))
        .append(", ")
        .append(Texts.press(edit.origin().platform(), Kind.SUBMIT, "Submit"))
        .append("; otherwise mark more points, or ")
        .append(Texts.press(edit.origin().platform(), Kind.CLEAR_SELECTION, "Clear selection"))
        .append(" to start over.");
    List<ChatAction> actions = new ArrayList<>();
    if (videoUrl != null) {
      actions.add(ChatAction.link(Kind.OPEN_LINK, edit.id(), "Watch preview", videoUrl));
    }
    actions.add(ChatAction.button(Kind.SUBMIT, edit.id(), "Submit", Style.SUCCESS));
    actions.add(
        ChatAction.button(Kind.CLEAR_SELECTION, edit.id(), "Clear selection", Style.SECONDARY));
    actions.add(ChatAction.button(Kind.CANCEL, edit.id(), "Cancel", Style.DANGER));
    return new ChatMessage(text.toString(), files, actions, null, false);
  }

  static ChatMessage nothingMarked(Edit edit) {
    return ChatMessage.text(
        "Nothing is marked on edit `" + edit.id() + "`; " + fromThePromptAlone(edit) + ".");
  }

  /** "Kling will find the red car from the prompt alone". */
  private static String fromThePromptAlone(Edit edit) {
    return "Kling will find " + target(edit) + " from the prompt alone";
  }

  static String finalSelection(int frame) {
    return "Selection on frame " + frame + ".";
  }

  static String alreadyMarked(int frame) {
    return "Those points are already marked on frame " + frame + ".";
  }

  static String tooManyPoints(int frame, int marked, int added, int max) {
    return "Kling takes at most "
        + max
        + " points per frame; frame "
        + frame
        + " has "
        + marked
        + " and you added "
        + added
        + ". Unmark some points or clear the selection first.";
  }

  static String tooManyFrames(Collection<Integer> frames, int max) {
    return "Kling takes at most "
        + max
        + " marked frames, and frames "
        + frames
        + " are marked. Add the points to one of those frames, or clear the selection.";
  }

  static String nothingNear(Point point, int frame, List<Point> onFrame) {
    return String.format(
            Locale.ROOT,
            "No marked point near %.2f,%.2f on frame %d. ",
            point.x(),
            point.y(),
            frame)
        + (onFrame.isEmpty()
            ? "That frame has no marked points."
            : "Marked there: " + describe(onFrame) + ".");
  }

  static String noSuchFrame(int frameIndex, int total) {
    return "Frame "
        + frameIndex
        + " does not exist: the video has "
        + total
        + " frames, numbered 0 to "
        + (total - 1)
        + ".";
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
