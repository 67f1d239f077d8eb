package dev.klingbot.core.workflow;

import dev.klingbot.core.chat.ChatAction;
import dev.klingbot.core.chat.ChatAction.Kind;
import dev.klingbot.core.chat.ChatAction.Style;
import dev.klingbot.core.chat.ChatFile;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.i18n.Messages;
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
    String number = String.valueOf(frame);
    String text =
        Messages.text(
            frame == 0 ? "selection.grid.first" : "selection.grid.other",
            number,
            edit.id(),
            target(edit),
            Texts.command(edit.origin().platform(), "select C4 D4"));
    return ChatMessage.text(text)
        .withFile(
            new ChatFile(
                file,
                "grid-frame-" + frame + ".png",
                Messages.text("selection.grid.file", number)));
  }

  static String marked(List<String> labels, int frame) {
    return Messages.text("selection.marked", String.join(" ", labels), String.valueOf(frame));
  }

  static String unmarked(List<Point> points, int frame) {
    return Messages.text("selection.unmarked", describe(points), String.valueOf(frame));
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
    String number = String.valueOf(frame);
    String found =
        none
            ? Messages.text("selection.mask.none", number)
            : empty
                ? Messages.text("selection.mask.empty", target(edit))
                : Messages.text("selection.mask.found", target(edit));
    String text =
        Messages.text(
            "selection.mask",
            what,
            found,
            summary(points),
            unselectHint(edit, frame, points),
            Texts.press(edit.origin().platform(), Kind.PREVIEW, previewLabel()),
            Texts.press(edit.origin().platform(), Kind.SUBMIT, submitLabel()));
    return ChatMessage.text(text)
        .withFile(
            new ChatFile(
                file,
                "selection-frame-" + frame + ".png",
                Messages.text("selection.mask.file", number)))
        .withActions(
            List.of(
                ChatAction.button(Kind.PREVIEW, edit.id(), previewLabel(), Style.SECONDARY),
                ChatAction.button(Kind.SUBMIT, edit.id(), submitLabel(), Style.SUCCESS),
                ChatAction.button(Kind.CLEAR_SELECTION, edit.id(), clearLabel(), Style.SECONDARY)));
  }

  private static String previewLabel() {
    return Messages.text("selection.button.preview");
  }

  private static String submitLabel() {
    return Messages.text("selection.button.submit");
  }

  private static String clearLabel() {
    return Messages.text("selection.button.clear");
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
    return Messages.text("selection.mask.undo", Texts.command(edit.origin().platform(), command));
  }

  static ChatMessage cleared(Edit edit) {
    return ChatMessage.text(Messages.text("selection.cleared", edit.id(), target(edit)));
  }

  static String nothingToPreview(Edit edit) {
    return Messages.text(
        "selection.preview.nothing",
        target(edit),
        Texts.command(edit.origin().platform(), "select C4"));
  }

  /**
   * The preview answer.
   *
   * @param cover the downloaded cover, or {@code null}
   * @param coverProblem why the cover could not be fetched, or {@code null}
   */
  static ChatMessage preview(Edit edit, String videoUrl, Path cover, String coverProblem) {
    StringBuilder text = new StringBuilder(Messages.text("selection.preview.title", edit.id()));
    List<ChatFile> files = new ArrayList<>();
    if (cover != null) {
      files.add(new ChatFile(cover, "preview-cover.png", Messages.text("selection.preview.file")));
    }
    if (coverProblem != null) {
      text.append(Messages.text("selection.preview.cover.problem", coverProblem));
    }
    text.append('\n')
        .append(
            Messages.text(
                "selection.preview.next",
                target(edit),
                Texts.press(edit.origin().platform(), Kind.SUBMIT, submitLabel()),
                Texts.press(edit.origin().platform(), Kind.CLEAR_SELECTION, clearLabel())));
    List<ChatAction> actions = new ArrayList<>();
    if (videoUrl != null) {
      actions.add(
          ChatAction.link(
              Kind.OPEN_LINK, edit.id(), Messages.text("selection.button.watch"), videoUrl));
    }
    actions.add(ChatAction.button(Kind.SUBMIT, edit.id(), submitLabel(), Style.SUCCESS));
    actions.add(ChatAction.button(Kind.CLEAR_SELECTION, edit.id(), clearLabel(), Style.SECONDARY));
    actions.add(
        ChatAction.button(
            Kind.CANCEL, edit.id(), Messages.text("selection.button.cancel"), Style.DANGER));
    return new ChatMessage(text.toString(), files, actions, null, false);
  }

  static ChatMessage nothingMarked(Edit edit) {
    return ChatMessage.text(Messages.text("selection.nothing.marked", edit.id(), target(edit)));
  }

  static String finalSelection(int frame) {
    return Messages.text("selection.final", String.valueOf(frame));
  }

  static String alreadyMarked(int frame) {
    return Messages.text("selection.already.marked", String.valueOf(frame));
  }

  static String tooManyPoints(int frame, int marked, int added, int max) {
    return Messages.text(
        "selection.too.many.points",
        String.valueOf(max),
        String.valueOf(frame),
        String.valueOf(marked),
        String.valueOf(added));
  }

  static String tooManyFrames(Collection<Integer> frames, int max) {
    return Messages.text("selection.too.many.frames", String.valueOf(max), frames.toString());
  }

  static String nothingNear(Point point, int frame, List<Point> onFrame) {
    return Messages.text(
        "selection.nothing.near",
        String.format(Locale.ROOT, "%.2f,%.2f", point.x(), point.y()),
        String.valueOf(frame),
        onFrame.isEmpty()
            ? Messages.text("selection.nothing.near.none")
            : Messages.text("selection.nothing.near.marked", describe(onFrame)));
  }

  static String noSuchFrame(int frameIndex, int total) {
    return Messages.text(
        "selection.no.such.frame",
        String.valueOf(frameIndex),
        String.valueOf(total),
        String.valueOf(total - 1));
  }

  static String target(Edit edit) {
    return switch (edit.request().mode()) {
      case REMOVAL -> Messages.text("selection.target.removal");
      case SWAP -> Messages.text("selection.target.swap");
      case ADDITION -> Messages.text("selection.target.addition");
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
      return Messages.text("selection.summary.none");
    }
    List<String> parts = new ArrayList<>();
    points.forEach(
        (frame, list) ->
            parts.add(
                Messages.text("selection.summary.frame", String.valueOf(frame), describe(list))));
    return String.join(Messages.text("selection.summary.separator"), parts);
  }
}
