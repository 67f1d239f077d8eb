package dev.klingbot.core.workflow;

import dev.klingbot.core.Durations;
import dev.klingbot.core.Platform;
import dev.klingbot.core.chat.ChatAction;
import dev.klingbot.core.chat.ChatAction.Kind;
import dev.klingbot.core.chat.ChatAction.Style;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.edit.Chain;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.media.VideoCheck;
import dev.klingbot.core.media.VideoInfo;
import dev.klingbot.core.media.VideoProblem;
import dev.klingbot.core.quota.QuotaUsage;
import dev.klingbot.kling.EditMode;
import dev.klingbot.kling.Point;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The messages about an edit that every platform shows: plan, conform offer, status, history. */
final class EditViews {
  private EditViews() {}

  static String header(Edit edit) {
    return "🎬 **Edit `" + edit.id() + "`**" + from(edit) + " — " + edit.request().summary();
  }

  /**
   * What an edit was made from, as it follows its id: " from the result of `X`", " (`X` again)".
   */
  static String from(Edit edit) {
    Chain chain = edit.video().chain();
    if (chain == null) {
      return "";
    }
    return chain.link() == Chain.Link.RESULT
        ? " from the result of `" + chain.fromEditId() + "`"
        : " (`" + chain.fromEditId() + "` again)";
  }

  /** The plan of an edit run again: what it repeats, already marked and submitted. */
  static ChatMessage againPlan(
      Edit edit, VideoInfo info, java.util.Map<Integer, List<dev.klingbot.kling.Point>> marked) {
    StringBuilder text = new StringBuilder(header(edit)).append('\n');
    text.append(modeLine(edit)).append('\n');
    text.append("**Kling prompt:** `").append(edit.request().prompt()).append("`\n");
    if (!edit.images().isEmpty()) {
      List<String> names = new ArrayList<>();
      edit.images()
          .forEach(image -> names.add("<<<image_" + image.position() + ">>> = " + image.source()));
      text.append("**Reference images:** ").append(String.join(", ", names)).append('\n');
    }
    text.append("**Video:** ").append(videoLine(edit, info)).append('\n');
    if (marked.isEmpty()) {
      text.append("**Selection:** none, as before");
    } else {
      List<String> frames = new ArrayList<>();
      marked.forEach(
          (frame, points) ->
              frames.add(
                  "frame "
                      + frame
                      + ": "
                      + points.size()
                      + (points.size() == 1 ? " point" : " points")));
      text.append("**Selection:** the same as before (")
          .append(String.join(", ", frames))
          .append(')');
    }
    return ChatMessage.text(text.toString().strip());
  }

  /** The plan: what Kling will be asked, what it costs, what is left, and the buttons. */
  static ChatMessage plan(
      Edit edit,
      VideoInfo info,
      QuotaUsage usage,
      List<String> notices,
      Optional<String> editorLink) {
    StringBuilder text = new StringBuilder(header(edit)).append('\n');
    text.append(modeLine(edit)).append('\n');
    text.append("**Kling prompt:** `").append(edit.request().prompt()).append("`\n");
    if (edit.request().negativePrompt() != null) {
      text.append("**Negative prompt:** `").append(edit.request().negativePrompt()).append("`\n");
    }
    if (!edit.images().isEmpty()) {
      text.append("**Reference images:** ");
      List<String> names = new ArrayList<>();
      edit.images()
          .forEach(image -> names.add("<<<image_" + image.position() + ">>> = " + image.source()));
      text.append(String.join(", ", names)).append('\n');
    }
    text.append("**Video:** ").append(videoLine(edit, info)).append('\n');
    text.append("**Quota:** ").append(usage.describe()).append('\n');
    for (String notice : notices) {
      text.append("ℹ️ ").append(notice).append('\n');
    }
    text.append(nextSteps(edit, editorLink.isPresent()));
    return ChatMessage.text(text.toString().strip()).withActions(planActions(edit, editorLink));
  }

  /**
   * The plan message of an edit whose session could not be opened yet because Kling is busy or
   * down; the job runner edits it into the plan once the session is open.
   */
  static ChatMessage waitingForKling(Edit edit, Instant until) {
    String text =
        header(edit)
            + "\n"
            + TransientRetry.busy(until, "show the plan here when the session is open.");
    return ChatMessage.text(text)
        .withActions(List.of(ChatAction.button(Kind.CANCEL, edit.id(), "Cancel", Style.DANGER)));
  }

  static String modeLine(Edit edit) {
    return "**Mode:** "
        + edit.request().mode().wireName()
        + " · "
        + edit.request().taskMode().name().toLowerCase(Locale.ROOT)
        + " · "
        + edit.request().duration().seconds()
        + " s result · costs "
        + Texts.units(edit.request().costUnits());
  }

  static String videoLine(Edit edit, VideoInfo info) {
    String name = Texts.clip(edit.video().source(), 60);
    if (info == null) {
      return name;
    }
    return name
        + " · "
        + info.width()
        + "×"
        + info.height()
        + " · "
        + formatFps(info.fps())
        + " fps · "
        + Texts.seconds(info.durationMillis())
        + (edit.session() != null && edit.session().totalFrames() > 0
            ? " · " + edit.session().totalFrames() + " frames"
            : "");
  }

  static String formatFps(double fps) {
    return Math.abs(fps - Math.round(fps)) < 0.01
        ? Long.toString(Math.round(fps))
        : String.format(Locale.ROOT, "%.2f", fps);
  }

  private static String nextSteps(Edit edit, boolean editor) {
    Platform platform = edit.origin().platform();
    String what =
        edit.request().mode() == EditMode.ADDITION
            ? "where to add it"
            : "the element to " + (edit.request().mode() == EditMode.SWAP ? "swap" : "remove");
    return "**Next:** mark "
        + what
        + " (optional, but more precise): "
        + (editor
            ? Texts.press(platform, ChatAction.Kind.OPEN_EDITOR, "Select on the video") + ", or "
            : "")
        + Texts.press(platform, ChatAction.Kind.SELECT_AREA, "Select area")
        + " and answer with grid cells like "
        + Texts.command(platform, "select C4 D4")
        + ". Then "
        + Texts.press(platform, ChatAction.Kind.PREVIEW, "Preview")
        + " to check the tracking, and "
        + Texts.press(platform, ChatAction.Kind.SUBMIT, "Submit")
        + ".";
  }

  static List<ChatAction> planActions(Edit edit, Optional<String> editorLink) {
    List<ChatAction> actions = new ArrayList<>();
    editorLink.ifPresent(
        url ->
            actions.add(ChatAction.link(Kind.OPEN_EDITOR, edit.id(), "Select on the video", url)));
    actions.add(ChatAction.button(Kind.SELECT_AREA, edit.id(), "Select area", Style.SECONDARY));
    actions.add(ChatAction.button(Kind.PREVIEW, edit.id(), "Preview", Style.SECONDARY));
    actions.add(ChatAction.button(Kind.SUBMIT, edit.id(), "Submit", Style.SUCCESS));
    actions.add(ChatAction.button(Kind.CANCEL, edit.id(), "Cancel", Style.DANGER));
    actions.add(ChatAction.button(Kind.EDIT_PROMPT, edit.id(), "Edit prompt", Style.SECONDARY));
    return actions;
  }

  /** The video breaks Kling's rules but can be fixed: what is wrong, what would change. */
  static ChatMessage conformOffer(
      Edit edit, VideoInfo info, VideoCheck check, QuotaUsage usage, List<String> notices) {
    StringBuilder text = new StringBuilder(header(edit)).append('\n');
    text.append(modeLine(edit)).append('\n');
    text.append("**Kling prompt:** `").append(edit.request().prompt()).append("`\n");
    text.append("**Video:** ").append(videoLine(edit, info)).append('\n');
    text.append("**Quota:** ").append(usage.describe()).append('\n');
    for (String notice : notices) {
      text.append("ℹ️ ").append(notice).append('\n');
    }
    text.append("⚠️ **This video does not meet Kling's rules:**\n");
    for (VideoProblem problem : check.problems()) {
      text.append("- ").append(problem.message()).append('\n');
    }
    text.append("**I can fix it** by making a copy with: ")
        .append(String.join(" · ", check.plan().changes()))
        .append(
            ".\n"
                + capitalized(
                    Texts.press(edit.origin().platform(), ChatAction.Kind.CONFORM, "Conform"))
                + " to use the fixed copy (nothing is sent to Kling before you agree), or "
                + Texts.press(edit.origin().platform(), ChatAction.Kind.CANCEL, "Cancel")
                + ".");
    return ChatMessage.text(text.toString())
        .withActions(
            List.of(
                ChatAction.button(Kind.CONFORM, edit.id(), "Conform", Style.PRIMARY),
                ChatAction.button(Kind.CANCEL, edit.id(), "Cancel", Style.DANGER)));
  }

  /** Every problem of a video that cannot be fixed, in one message. */
  static String rejected(String name, VideoCheck check) {
    StringBuilder text =
        new StringBuilder("This video can't be edited by Kling (")
            .append(Texts.clip(name, 60))
            .append("):");
    for (VideoProblem problem : check.problems()) {
      text.append("\n- ").append(problem.message()).append(" ").append(problem.fix());
    }
    return text.toString();
  }

  /**
   * Where an edit is, and what was made from it.
   *
   * @param marked the stored selection, by frame, wherever it was made (chat, console, web page)
   * @param result the result to show (see {@link ResultLinks}), empty when there is none or it is
   *     no longer kept
   * @param madeFrom the edits made from this one (from its result, or again)
   */
  static ChatMessage status(
      Edit edit,
      Instant now,
      int queuedAhead,
      Map<Integer, List<Point>> marked,
      Optional<String> result,
      List<Edit> madeFrom) {
    StringBuilder text = new StringBuilder(header(edit)).append('\n');
    text.append("**State:** ").append(stateLine(edit, now, queuedAhead, marked)).append('\n');
    if (!marked.isEmpty() && edit.state().isBeforeSubmit()) {
      text.append("**Marked:** ").append(SelectionViews.summary(marked)).append('\n');
    }
    text.append(modeLine(edit)).append('\n');
    text.append("**Kling prompt:** `").append(edit.request().prompt()).append("`\n");
    text.append("**Started by:** ")
        .append(edit.origin().userName())
        .append(", ")
        .append(ago(edit.createdAt(), now))
        .append('\n');
    if (edit.task().taskId() != null) {
      text.append("**Kling task:** `").append(edit.task().taskId()).append("`\n");
    }
    if (result.isPresent()) {
      text.append("**Result:** ").append(result.get()).append('\n');
    } else if (edit.outcome().resultUrl() != null) {
      text.append(
          "**Result:** no longer available as a link (Kling deletes results after about 30 days)\n");
    }
    if (edit.outcome().failureReason() != null) {
      text.append("**Why:** ").append(edit.outcome().failureReason()).append('\n');
    }
    if (!madeFrom.isEmpty()) {
      text.append("**Made from it:** ");
      List<String> children = new ArrayList<>();
      for (Edit child : madeFrom) {
        Chain chain = child.video().chain();
        children.add(
            "`"
                + child.id()
                + "` "
                + (chain != null && chain.link() == Chain.Link.AGAIN ? "again" : "from its result")
                + " ("
                + child.state().label()
                + ")");
      }
      text.append(String.join(", ", children)).append('\n');
    }
    ChatMessage message = ChatMessage.text(text.toString().strip());
    if (edit.state().isBeforeSubmit() && !edit.video().needsConform()) {
      message = message.withActions(planActions(edit, Optional.empty()));
    }
    return message;
  }

  static String stateLine(
      Edit edit, Instant now, int queuedAhead, Map<Integer, List<Point>> marked) {
    EditState state = edit.state();
    boolean previewed = edit.session() != null && edit.session().previewVideoUrl() != null;
    return switch (state) {
      case CREATED ->
          edit.video().needsConform()
              ? "waiting for you to conform the video"
              : edit.task().nextCheckAt() != null
                  ? "waiting for Kling to open the session"
                  : "checking the video";
      case SELECTING ->
          marked.isEmpty()
              ? "ready — mark " + SelectionViews.target(edit) + " (optional), preview, then submit"
              : previewed
                  ? "marked — the selection changed since the preview: preview again, then submit"
                  : "marked, not previewed yet — preview, then submit";
      case PREVIEWED -> "previewed — submit when the tracking looks right";
      case SUBMITTED ->
          edit.task().queued()
              ? "queued, " + (queuedAhead == 0 ? "next in line" : queuedAhead + " ahead")
              : "submitted to Kling, "
                  + Texts.elapsed(
                      Duration.between(
                          edit.task().submittedAt() == null
                              ? edit.createdAt()
                              : edit.task().submittedAt(),
                          now))
                  + " ago";
      case PROCESSING ->
          "processing, "
              + Texts.elapsed(
                  Duration.between(
                      edit.task().submittedAt() == null
                          ? edit.createdAt()
                          : edit.task().submittedAt(),
                      now))
              + " elapsed";
      case SUCCEEDED ->
          "done" + (edit.outcome().deliveredAt() == null ? " (posting the result)" : "");
      case FAILED -> "failed";
      case CANCELLED -> "cancelled";
      case EXPIRED -> "expired";
    };
  }

  static String historyLine(Edit edit, Instant now, Optional<String> result) {
    String line =
        "`"
            + edit.id()
            + "` · "
            + edit.state().label()
            + " · "
            + Texts.clip(edit.request().summary(), 60)
            + " · "
            + ago(edit.createdAt(), now);
    Chain chain = edit.video().chain();
    if (chain != null) {
      line +=
          chain.link() == Chain.Link.RESULT
              ? " · from the result of `" + chain.fromEditId() + "`"
              : " · `" + chain.fromEditId() + "` again";
    }
    if (edit.origin().threadId() != null) {
      String thread =
          dev.klingbot.core.conversation.CommandSyntax.of(edit.origin().platform())
              .link(edit.origin().conversation())
              .orElse(null);
      if (thread != null) {
        line += " · " + thread;
      }
    }
    if (result.isPresent()) {
      line += " · " + result.get();
    }
    if (edit.state() == EditState.FAILED && edit.outcome().failureReason() != null) {
      line += " · " + Texts.clip(edit.outcome().failureReason(), 100);
    }
    return line;
  }

  static String ago(Instant then, Instant now) {
    Duration since = Duration.between(then, now);
    return since.getSeconds() < 60 ? "just now" : Durations.words(since, 1) + " ago";
  }

  static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
