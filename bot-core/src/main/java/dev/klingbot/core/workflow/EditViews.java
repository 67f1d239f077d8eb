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
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.media.VideoCheck;
import dev.klingbot.core.media.VideoInfo;
import dev.klingbot.core.media.VideoProblem;
import dev.klingbot.core.quota.QuotaUsage;
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

  /**
   * The first line of an edit's messages: its id, what it was made from (" from the result of `X`",
   * " (`X` again)") and its summary.
   */
  static String header(Edit edit) {
    Chain chain = edit.video().chain();
    String summary = edit.request().summary();
    if (chain == null) {
      return Messages.text("edit.header", edit.id(), summary);
    }
    return chain.link() == Chain.Link.RESULT
        ? Messages.text("edit.header.from.result", edit.id(), chain.fromEditId(), summary)
        : Messages.text("edit.header.again", edit.id(), chain.fromEditId(), summary);
  }

  /** The plan of an edit run again: what it repeats, already marked and submitted. */
  static ChatMessage againPlan(
      Edit edit, VideoInfo info, java.util.Map<Integer, List<dev.klingbot.kling.Point>> marked) {
    StringBuilder text = new StringBuilder(header(edit)).append('\n');
    text.append(modeLine(edit)).append('\n');
    text.append(promptLine(edit.request().prompt())).append('\n');
    if (!edit.images().isEmpty()) {
      text.append(imagesLine(edit)).append('\n');
    }
    text.append(Messages.text("edit.plan.video", videoLine(edit, info))).append('\n');
    if (marked.isEmpty()) {
      text.append(Messages.text("edit.again.selection.none"));
    } else {
      List<String> frames = new ArrayList<>();
      marked.forEach(
          (frame, points) ->
              frames.add(
                  Messages.text(
                      "edit.again.selection.frame", String.valueOf(frame), points.size())));
      text.append(Messages.text("edit.again.selection.same", String.join(", ", frames)));
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
    text.append(promptLine(edit.request().prompt())).append('\n');
    if (edit.request().negativePrompt() != null) {
      text.append(Messages.text("edit.plan.negative", edit.request().negativePrompt()))
          .append('\n');
    }
    if (!edit.images().isEmpty()) {
      text.append(imagesLine(edit)).append('\n');
    }
    text.append(Messages.text("edit.plan.video", videoLine(edit, info))).append('\n');
    text.append(Messages.text("edit.plan.quota", usage.describe())).append('\n');
    for (String notice : notices) {
      text.append("ℹ️ ").append(notice).append('\n');
    }
    text.append(nextSteps(edit, editorLink.isPresent()));
    return ChatMessage.text(text.toString().strip()).withActions(planActions(edit, editorLink));
  }

  /** The line that shows the Kling prompt: {@code **Kling prompt:** `…`}. */
  static String promptLine(String prompt) {
    return Messages.text("edit.plan.prompt", prompt);
  }

  private static String imagesLine(Edit edit) {
    List<String> names = new ArrayList<>();
    edit.images()
        .forEach(image -> names.add("<<<image_" + image.position() + ">>> = " + image.source()));
    return Messages.text("edit.plan.images", String.join(", ", names));
  }

  /**
   * The plan message of an edit whose session could not be opened yet because Kling is busy or
   * down; the job runner edits it into the plan once the session is open.
   */
  static ChatMessage waitingForKling(Edit edit, Instant until) {
    String text =
        header(edit) + "\n" + TransientRetry.busy(until, Messages.text("edit.plan.waiting.then"));
    return ChatMessage.text(text).withActions(List.of(cancelButton(edit)));
  }

  static String modeLine(Edit edit) {
    return Messages.text(
        "edit.plan.mode",
        Messages.text("edit.mode." + edit.request().mode().wireName()),
        edit.request().taskMode().name().toLowerCase(Locale.ROOT),
        String.valueOf(edit.request().duration().seconds()),
        Texts.units(edit.request().costUnits()));
  }

  static String videoLine(Edit edit, VideoInfo info) {
    String name = Texts.clip(edit.video().source(), 60);
    if (info == null) {
      return name;
    }
    String width = String.valueOf(info.width());
    String height = String.valueOf(info.height());
    String fps = formatFps(info.fps());
    String length = Texts.seconds(info.durationMillis());
    if (edit.session() != null && edit.session().totalFrames() > 0) {
      return Messages.text(
          "edit.video.line.frames",
          name,
          width,
          height,
          fps,
          length,
          String.valueOf(edit.session().totalFrames()));
    }
    return Messages.text("edit.video.line", name, width, height, fps, length);
  }

  static String formatFps(double fps) {
    return Math.abs(fps - Math.round(fps)) < 0.01
        ? Long.toString(Math.round(fps))
        : String.format(Locale.ROOT, "%.2f", fps);
  }

  private static String nextSteps(Edit edit, boolean editor) {
    Platform platform = edit.origin().platform();
    String what = Messages.text("edit.plan.next.target." + edit.request().mode().wireName());
    String selectArea =
        Texts.press(
            platform, ChatAction.Kind.SELECT_AREA, Messages.text("edit.button.select.area"));
    String example = Texts.command(platform, "select C4 D4");
    String preview =
        Texts.press(platform, ChatAction.Kind.PREVIEW, Messages.text("edit.button.preview"));
    String submit =
        Texts.press(platform, ChatAction.Kind.SUBMIT, Messages.text("edit.button.submit"));
    if (!editor) {
      return Messages.text("edit.plan.next", what, selectArea, example, preview, submit);
    }
    String openEditor =
        Texts.press(
            platform, ChatAction.Kind.OPEN_EDITOR, Messages.text("edit.button.select.video"));
    return Messages.text(
        "edit.plan.next.editor", what, selectArea, example, preview, submit, openEditor);
  }

  private static ChatAction cancelButton(Edit edit) {
    return ChatAction.button(
        Kind.CANCEL, edit.id(), Messages.text("edit.button.cancel"), Style.DANGER);
  }

  static List<ChatAction> planActions(Edit edit, Optional<String> editorLink) {
    List<ChatAction> actions = new ArrayList<>();
    editorLink.ifPresent(
        url ->
            actions.add(
                ChatAction.link(
                    Kind.OPEN_EDITOR, edit.id(), Messages.text("edit.button.select.video"), url)));
    actions.add(
        ChatAction.button(
            Kind.SELECT_AREA,
            edit.id(),
            Messages.text("edit.button.select.area"),
            Style.SECONDARY));
    actions.add(
        ChatAction.button(
            Kind.PREVIEW, edit.id(), Messages.text("edit.button.preview"), Style.SECONDARY));
    actions.add(
        ChatAction.button(
            Kind.SUBMIT, edit.id(), Messages.text("edit.button.submit"), Style.SUCCESS));
    actions.add(cancelButton(edit));
    actions.add(
        ChatAction.button(
            Kind.EDIT_PROMPT,
            edit.id(),
            Messages.text("edit.button.edit.prompt"),
            Style.SECONDARY));
    return actions;
  }

  /** The video breaks Kling's rules but can be fixed: what is wrong, what would change. */
  static ChatMessage conformOffer(
      Edit edit, VideoInfo info, VideoCheck check, QuotaUsage usage, List<String> notices) {
    StringBuilder text = new StringBuilder(header(edit)).append('\n');
    text.append(modeLine(edit)).append('\n');
    text.append(promptLine(edit.request().prompt())).append('\n');
    text.append(Messages.text("edit.plan.video", videoLine(edit, info))).append('\n');
    text.append(Messages.text("edit.plan.quota", usage.describe())).append('\n');
    for (String notice : notices) {
      text.append("ℹ️ ").append(notice).append('\n');
    }
    text.append(Messages.text("edit.conform.problems")).append('\n');
    for (VideoProblem problem : check.problems()) {
      text.append("- ").append(problem.message()).append('\n');
    }
    Platform platform = edit.origin().platform();
    text.append(
        Messages.text(
            "edit.conform.offer",
            String.join(" · ", check.plan().changes()),
            capitalized(
                Texts.press(
                    platform, ChatAction.Kind.CONFORM, Messages.text("edit.button.conform"))),
            Texts.press(platform, ChatAction.Kind.CANCEL, Messages.text("edit.button.cancel"))));
    return ChatMessage.text(text.toString())
        .withActions(
            List.of(
                ChatAction.button(
                    Kind.CONFORM, edit.id(), Messages.text("edit.button.conform"), Style.PRIMARY),
                cancelButton(edit)));
  }

  /** Every problem of a video that cannot be fixed, in one message. */
  static String rejected(String name, VideoCheck check) {
    StringBuilder text = new StringBuilder(Messages.text("edit.rejected", Texts.clip(name, 60)));
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
    text.append(Messages.text("edit.status.state", stateLine(edit, now, queuedAhead, marked)))
        .append('\n');
    if (!marked.isEmpty() && edit.state().isBeforeSubmit()) {
      text.append(Messages.text("edit.status.marked", SelectionViews.summary(marked))).append('\n');
    }
    text.append(modeLine(edit)).append('\n');
    text.append(promptLine(edit.request().prompt())).append('\n');
    text.append(
            Messages.text(
                "edit.status.started.by", edit.origin().userName(), ago(edit.createdAt(), now)))
        .append('\n');
    if (edit.task().taskId() != null) {
      text.append(Messages.text("edit.status.task", edit.task().taskId())).append('\n');
    }
    if (result.isPresent()) {
      text.append(Messages.text("edit.status.result", result.get())).append('\n');
    } else if (edit.outcome().resultUrl() != null) {
      text.append(Messages.text("edit.status.result.gone")).append('\n');
    }
    if (edit.outcome().failureReason() != null) {
      text.append(Messages.text("edit.status.why", edit.outcome().failureReason())).append('\n');
    }
    if (!madeFrom.isEmpty()) {
      List<String> children = new ArrayList<>();
      for (Edit child : madeFrom) {
        Chain chain = child.video().chain();
        children.add(
            Messages.text(
                chain != null && chain.link() == Chain.Link.AGAIN
                    ? "edit.status.child.again"
                    : "edit.status.child.result",
                child.id(),
                child.state().text()));
      }
      text.append(Messages.text("edit.status.made.from", String.join(", ", children))).append('\n');
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
          Messages.text(
              edit.video().needsConform()
                  ? "edit.state.conform"
                  : edit.task().nextCheckAt() != null
                      ? "edit.state.waiting.kling"
                      : "edit.state.checking");
      case SELECTING ->
          marked.isEmpty()
              ? Messages.text("edit.state.ready", SelectionViews.target(edit))
              : Messages.text(previewed ? "edit.state.changed" : "edit.state.marked");
      case PREVIEWED -> Messages.text("edit.state.previewed");
      case SUBMITTED ->
          edit.task().queued()
              ? (queuedAhead == 0
                  ? Messages.text("edit.state.queued.next")
                  : Messages.text("edit.state.queued.ahead", String.valueOf(queuedAhead)))
              : Messages.text("edit.state.submitted", Texts.elapsed(sinceSubmitted(edit, now)));
      case PROCESSING ->
          Messages.text("edit.state.processing", Texts.elapsed(sinceSubmitted(edit, now)));
      case SUCCEEDED ->
          Messages.text(
              edit.outcome().deliveredAt() == null ? "edit.state.done.posting" : "edit.state.done");
      case FAILED -> Messages.text("edit.state.failed");
      case CANCELLED -> Messages.text("edit.state.cancelled");
      case EXPIRED -> Messages.text("edit.state.expired");
    };
  }

  private static Duration sinceSubmitted(Edit edit, Instant now) {
    return Duration.between(
        edit.task().submittedAt() == null ? edit.createdAt() : edit.task().submittedAt(), now);
  }

  static String historyLine(Edit edit, Instant now, Optional<String> result) {
    String line =
        "`"
            + edit.id()
            + "` · "
            + edit.state().text()
            + " · "
            + Texts.clip(edit.request().summary(), 60)
            + " · "
            + ago(edit.createdAt(), now);
    Chain chain = edit.video().chain();
    if (chain != null) {
      line +=
          " · "
              + Messages.text(
                  chain.link() == Chain.Link.RESULT
                      ? "edit.history.from.result"
                      : "edit.history.again",
                  chain.fromEditId());
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
    return since.getSeconds() < 60
        ? Messages.text("edit.ago.now")
        : Messages.text("edit.ago", Durations.words(since, 1));
  }

  static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
