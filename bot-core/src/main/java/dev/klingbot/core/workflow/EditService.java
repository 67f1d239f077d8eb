package dev.klingbot.core.workflow;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Requester;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditEvent;
import dev.klingbot.core.edit.EditIds;
import dev.klingbot.core.edit.EditImage;
import dev.klingbot.core.edit.EditRequest;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.instruction.EditPlan;
import dev.klingbot.core.instruction.InstructionParser;
import dev.klingbot.core.instruction.ParseResult;
import dev.klingbot.core.media.VideoConformer;
import dev.klingbot.core.media.VideoInfo;
import dev.klingbot.core.media.VideoProbe;
import dev.klingbot.core.media.VideoRules;
import dev.klingbot.core.quota.QuotaService;
import dev.klingbot.core.quota.QuotaUsage;
import dev.klingbot.core.relay.EditorLinks;
import dev.klingbot.core.relay.MediaStore;
import dev.klingbot.core.store.EditStore;
import dev.klingbot.core.store.ServerSettingsStore;
import dev.klingbot.kling.Point;
import dev.klingbot.kling.TaskDuration;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one API the chat adapters call: start an edit, mark and unmark points, preview, submit,
 * cancel, status and history. Every method checks that the edit belongs to the requester's server
 * (and, for changes, to the requester or an admin), stores each state change before its side
 * effect, and answers with messages ready to post. Problems the user can fix are thrown as {@link
 * EditException} with a plain-words message.
 */
public final class EditService {
  private final EditStore edits;
  private final QuotaService quota;
  private final InstructionParser parser;
  private final SelectionWork selection;
  private final EditorLinks editorLinks;
  private final Clock clock;
  private final EditAccess access;
  private final EditStarter starter;
  private final EditSubmission submission;
  private final ResultLinks results;
  private final EditChains chains;

  public EditService(
      EditStore edits,
      ServerSettingsStore serverSettings,
      QuotaService quota,
      InstructionParser parser,
      VideoProbe probe,
      VideoRules rules,
      VideoConformer conformer,
      EditIntake intake,
      SelectionWork selection,
      MediaFiles files,
      EditorLinks editorLinks,
      MediaStore relay,
      Runnable wakeRunner,
      Clock clock) {
    this.edits = requireNonNull(edits, "edits is null");
    this.quota = requireNonNull(quota, "quota is null");
    this.parser = requireNonNull(parser, "parser is null");
    this.selection = requireNonNull(selection, "selection is null");
    this.editorLinks = requireNonNull(editorLinks, "editorLinks is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.access = new EditAccess(edits, clock);
    this.results = new ResultLinks(relay, clock);
    this.starter =
        new EditStarter(
            edits,
            serverSettings,
            quota,
            parser,
            probe,
            rules,
            conformer,
            intake,
            files,
            editorLinks,
            clock);
    this.submission = new EditSubmission(edits, quota, wakeRunner, clock);
    this.chains =
        new EditChains(
            edits, quota, starter, intake, files, selection, submission, rules, editorLinks, clock);
  }

  // ---------------------------------------------------------------------------------------------
  // Starting

  /**
   * Starts an edit: understands the instruction, fetches and checks the video and images, and opens
   * the Kling session. A video that breaks Kling's rules but can be fixed gives an offer to conform
   * it instead. The reply's first message is the plan, to post in the edit's thread.
   */
  public Reply start(Requester who, StartEdit request) {
    try (dev.klingbot.core.edit.EditLogContext.Scope scope =
        dev.klingbot.core.edit.EditLogContext.open(null)) {
      // the new edit's id joins the log context once known
      if (request.video() instanceof MediaSource.Result result) {
        Edit parent =
            result.editId() == null ? current(who) : access.readable(who, result.editId());
        return chains.fromResult(who, parent, request);
      }
      return starter.start(who, request);
    }
  }

  /**
   * Runs a submitted edit once more as a new edit in its thread: the same source, instruction,
   * images, selection, mode and length, submitted at once (its own task id and charge, after the
   * same quota check as any submit). The reply is the plan and the submission.
   */
  public Reply again(Requester who, String editIdOrNull) {
    Edit parent =
        editIdOrNull == null || editIdOrNull.isBlank()
            ? current(who)
            : access.readable(who, editIdOrNull);
    return chains.again(who, parent);
  }

  /** The edits made from an edit (its result edited further, or run again), oldest first. */
  public List<Edit> madeFrom(Edit edit) {
    return edits.madeFrom(edit.id(), 20);
  }

  /**
   * Refuses, before any media is fetched, what {@link #start} would refuse anyway: a channel edits
   * may not start in, an instruction that is no edit, a spent quota. Stores nothing.
   */
  public void checkStart(Requester who, StartEdit request) {
    starter.understand(who, request);
  }

  /** The user agreed to fix the video: makes the conforming copy and opens the session. */
  public Reply conform(Requester who, String editId) {
    return access.locked(who, editId, edit -> starter.conform(who, edit));
  }

  /** Records the thread and plan message the adapter posted, so later messages go there. */
  public Edit attachConversation(
      Requester who, String editId, String threadId, String planMessageId) {
    return access.locked(
        who,
        editId,
        edit -> {
          Edit moved =
              edit.withOrigin(edit.origin().withThread(threadId)).withPlanMessage(planMessageId);
          return edits.update(moved, clock.instant(), null, null);
        });
  }

  // ---------------------------------------------------------------------------------------------
  // Selecting

  /** The frame with the labelled grid (the "Select area" button). */
  public Reply gridFrame(Requester who, String editId, int frameIndex) {
    Edit edit = access.readable(who, editId);
    access.requireSession(edit);
    return selection.grid(edit, frameIndex);
  }

  /**
   * Marks points typed as text ({@code C4 D4}, {@code 0.42,0.55}, {@code frame:12}), read with the
   * one grammar of {@link dev.klingbot.core.conversation.CommandGrammar#selection}.
   */
  public Reply select(Requester who, String editId, String text) {
    var input = dev.klingbot.core.conversation.CommandGrammar.selection(text);
    return select(who, editId, input.frame(), input.points(), input.labels());
  }

  /** Marks points (fractions of the frame) on a frame. */
  public Reply select(Requester who, String editId, int frameIndex, List<Point> points) {
    List<String> labels = new ArrayList<>();
    points.forEach(point -> labels.add(SelectionViews.label(point)));
    return select(who, editId, frameIndex, points, labels);
  }

  /** Marks points on a frame; {@code labels} say how each was given ({@code C4}). */
  public Reply select(
      Requester who, String editId, int frameIndex, List<Point> points, List<String> labels) {
    return withSession(
        who, editId, edit -> selection.select(edit, frameIndex, points, labels, true));
  }

  /**
   * Marks one or more points and answers the new selection without drawing a chat image (the web
   * page draws the mask itself, so each click stays quick).
   */
  public SelectionState mark(Requester who, String editId, int frameIndex, List<Point> points) {
    List<String> labels = new ArrayList<>();
    points.forEach(point -> labels.add(SelectionViews.label(point)));
    Reply reply =
        withSession(who, editId, edit -> selection.select(edit, frameIndex, points, labels, false));
    return selection.state(reply.edit());
  }

  /** Unmarks points (the nearest marked ones) without drawing a chat image. */
  public SelectionState unmark(Requester who, String editId, int frameIndex, List<Point> points) {
    Reply reply =
        withSession(who, editId, edit -> selection.unselect(edit, frameIndex, points, false));
    return selection.state(reply.edit());
  }

  /** Runs {@code work} on the locked edit once it is known to have an open Kling session. */
  private Reply withSession(Requester who, String editId, Function<Edit, Reply> work) {
    return access.locked(
        who,
        editId,
        edit -> {
          access.requireSession(edit);
          return work.apply(edit);
        });
  }

  /** The most points Kling takes on one frame. */
  public static final int MAX_POINTS_PER_FRAME = SelectionLimits.MAX_POINTS_PER_FRAME;

  /** The most frames Kling lets one session mark. */
  public static final int MAX_MARKED_FRAMES = SelectionLimits.MAX_FRAMES;

  /** Unmarks points typed as text. */
  public Reply unselect(Requester who, String editId, String text) {
    var input = dev.klingbot.core.conversation.CommandGrammar.selection(text);
    return unselect(who, editId, input.frame(), input.points());
  }

  public Reply unselect(Requester who, String editId, int frameIndex, List<Point> points) {
    return withSession(who, editId, edit -> selection.unselect(edit, frameIndex, points, true));
  }

  public Reply clearSelection(Requester who, String editId) {
    return withSession(who, editId, edit -> selection.clear(edit));
  }

  public Reply preview(Requester who, String editId) {
    return withSession(who, editId, edit -> selection.preview(edit));
  }

  /** Every marked frame with its final mask (posted to the thread when the web editor is done). */
  public Reply selectionSummary(Requester who, String editId) {
    Edit edit = access.readable(who, editId);
    access.requireSession(edit);
    return selection.summary(edit);
  }

  /** The marked points and masks of an edit (for the web editor). */
  public SelectionState selectionState(Requester who, String editId) {
    Edit edit = access.readable(who, editId);
    return selection.state(edit);
  }

  // ---------------------------------------------------------------------------------------------
  // Changing the prompt

  /**
   * Replaces the instruction (or writes the Kling prompt directly, with {@code <<<video_1>>>}) of
   * an edit that is not submitted yet.
   */
  public Reply updatePrompt(Requester who, String editId, String instruction) {
    return access.locked(
        who,
        editId,
        edit -> {
          if (!edit.state().isBeforeSubmit()) {
            throw EditAccess.wrongState(edit, Messages.text("edit.why.submitted"));
          }
          ParseResult parsed =
              parser.parse(
                  instruction,
                  edit.images().size(),
                  starter.templates(who),
                  edit.request().negativePrompt());
          if (parsed instanceof ParseResult.Refused refused) {
            throw EditException.withSuggestion(refused.message(), refused.suggestion());
          }
          EditPlan plan = ((ParseResult.Planned) parsed).plan();
          EditRequest old = edit.request();
          EditRequest changed =
              new EditRequest(
                  instruction.strip(),
                  plan.summary(),
                  plan.mode(),
                  plan.prompt(),
                  plan.negativePrompt(),
                  plan.rawPrompt(),
                  old.taskMode(),
                  old.duration(),
                  old.costUnits());
          List<EditImage> images =
              edit.images().subList(0, Math.min(edit.images().size(), plan.imagesUsed()));
          Instant now = clock.instant();
          Edit updated =
              edits.update(
                  edit.withRequest(changed).withImages(images),
                  now,
                  EditEvent.PROMPT_CHANGED,
                  plan.prompt());
          StringBuilder text =
              new StringBuilder(Messages.text("edit.prompt.updated", edit.id(), plan.summary()))
                  .append('\n')
                  .append(EditViews.promptLine(plan.prompt()));
          plan.notices().forEach(notice -> text.append("\nℹ️ ").append(notice));
          return Reply.of(
              updated,
              ChatMessage.text(text.toString())
                  .withActions(EditViews.planActions(updated, editorLink(updated))));
        });
  }

  // ---------------------------------------------------------------------------------------------
  // Submitting and following

  /**
   * Reserves the quota and hands the edit to the job runner, which creates the Kling task (with the
   * edit id as external task id) or queues it when the account is busy.
   */
  public Reply submit(Requester who, String editId) {
    return access.locked(who, editId, submission::submit);
  }

  /**
   * Cancels an edit that Kling has not started. Units reserved for a queued edit are refunded; a
   * task Kling already runs cannot be stopped.
   */
  public Reply cancel(Requester who, String editId) {
    return access.locked(who, editId, edit -> submission.cancel(who, edit));
  }

  /** An edit's state; without an id, the edit of the current thread or the user's latest. */
  public Reply status(Requester who, String editIdOrNull) {
    Edit edit =
        editIdOrNull == null || editIdOrNull.isBlank()
            ? current(who)
            : access.readable(who, editIdOrNull);
    int ahead = edit.task().queued() ? edits.work().queuedAhead(edit) : 0;
    Map<Integer, List<Point>> marked =
        edit.state().isBeforeSubmit() ? selection.points(edit) : Map.of();
    return Reply.of(
        edit,
        EditViews.status(edit, clock.instant(), ahead, marked, results.of(edit), madeFrom(edit)));
  }

  /** The edit a thread belongs to, if the requester is in an edit's thread. */
  public Optional<Edit> editOfThread(Requester who) {
    if (who.threadId() == null) {
      return Optional.empty();
    }
    return edits.findByThread(who.platform(), who.serverId(), who.threadId());
  }

  /** The requester's recent edits in this server, newest first (at most 25). */
  public List<Edit> recentEdits(Requester who, int limit) {
    return edits.recentByUser(
        who.platform(), who.serverId(), who.userId(), Math.max(1, Math.min(limit, 25)));
  }

  /** The user's recent edits in this server, newest first. */
  public Reply history(Requester who, int limit) {
    List<Edit> recent =
        edits.recentByUser(
            who.platform(), who.serverId(), who.userId(), Math.max(1, Math.min(limit, 25)));
    if (recent.isEmpty()) {
      return Reply.text(Messages.text("edit.history.none"));
    }
    Instant now = clock.instant();
    StringBuilder text = new StringBuilder(Messages.text("edit.history.title"));
    recent.forEach(
        edit -> text.append("\n- ").append(EditViews.historyLine(edit, now, results.of(edit))));
    return Reply.text(text.toString());
  }

  /** The requester's and the server's quota. */
  public Reply quota(Requester who) {
    Instant now = clock.instant();
    QuotaUsage usage = quota.usage(who.platform(), who.serverId(), who.userId(), now);
    var policy = usage.policy();
    String text =
        Messages.text(
            "edit.quota",
            usage.describe(),
            String.valueOf(usage.running()),
            String.valueOf(policy.maxConcurrentJobs()),
            Messages.text(policy.allowPro() ? "edit.quota.allowed" : "edit.quota.off"),
            Messages.text(policy.allowTenSeconds() ? "edit.quota.allowed" : "edit.quota.off"),
            policy.timeZone().getId(),
            Texts.units(quota.cost(dev.klingbot.kling.TaskMode.STD, TaskDuration.FIVE)),
            Texts.units(quota.cost(dev.klingbot.kling.TaskMode.STD, TaskDuration.TEN)),
            Texts.units(quota.cost(dev.klingbot.kling.TaskMode.PRO, TaskDuration.FIVE)),
            Texts.units(quota.cost(dev.klingbot.kling.TaskMode.PRO, TaskDuration.TEN)));
    return Reply.text(text);
  }

  /** Edits of this server whose id starts with {@code prefix} (the user's own unless admin). */
  public List<Edit> suggestEdits(Requester who, String prefix, int limit) {
    return edits.searchIds(
        who.platform(),
        who.serverId(),
        who.admin() ? null : who.userId(),
        EditIds.normalize(prefix),
        limit);
  }

  /** An edit by id, whoever asks (for a verified selection-page link). */
  public Optional<Edit> byId(String editId) {
    return edits.find(EditIds.normalize(editId));
  }

  /** Finds an edit the requester may see. */
  public Edit find(Requester who, String editId) {
    return access.readable(who, editId);
  }

  /** The edit of the requester's current thread, or their latest edit. */
  public Edit current(Requester who) {
    if (who.threadId() != null) {
      Optional<Edit> inThread = edits.findByThread(who.platform(), who.serverId(), who.threadId());
      if (inThread.isPresent()) {
        return inThread.get();
      }
    }
    return edits.recentByUser(who.platform(), who.serverId(), who.userId(), 1).stream()
        .findFirst()
        .orElseThrow(
            () ->
                new EditException(
                    EditException.Kind.NOT_FOUND, Messages.text("edit.current.none")));
  }

  /** The editor page link of an edit, when a public base URL is configured and it is selectable. */
  public Optional<String> editorLink(Edit edit) {
    return editorLinks.forEdit(edit);
  }

  /** The probe result of an edit's video, as stored. */
  public static VideoInfo videoInfo(Edit edit) {
    return EditStarter.readInfo(edit);
  }
}
