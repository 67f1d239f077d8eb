package dev.klingbot.core.workflow;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.klingbot.core.Requester;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditIds;
import dev.klingbot.core.edit.EditImage;
import dev.klingbot.core.edit.EditRequest;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.edit.Origin;
import dev.klingbot.core.edit.Outcome;
import dev.klingbot.core.edit.SourceVideo;
import dev.klingbot.core.edit.TaskProgress;
import dev.klingbot.core.instruction.EditPlan;
import dev.klingbot.core.instruction.InstructionParser;
import dev.klingbot.core.instruction.ParseResult;
import dev.klingbot.core.instruction.PromptTemplates;
import dev.klingbot.core.media.ConformPlan;
import dev.klingbot.core.media.MediaException;
import dev.klingbot.core.media.OutputDuration;
import dev.klingbot.core.media.VideoCheck;
import dev.klingbot.core.media.VideoConformer;
import dev.klingbot.core.media.VideoInfo;
import dev.klingbot.core.media.VideoProbe;
import dev.klingbot.core.media.VideoRules;
import dev.klingbot.core.quota.QuotaService;
import dev.klingbot.core.quota.QuotaUsage;
import dev.klingbot.core.quota.Reservation;
import dev.klingbot.core.relay.EditorLinks;
import dev.klingbot.core.store.ConcurrentUpdateException;
import dev.klingbot.core.store.EditStore;
import dev.klingbot.core.store.ServerSettingsStore;
import dev.klingbot.kling.EditMode;
import dev.klingbot.kling.Point;
import dev.klingbot.kling.TaskDuration;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one API the chat adapters call: start an edit, mark and unmark points, preview, submit,
 * cancel, status and history. Every method checks that the edit belongs to the requester's server
 * (and, for changes, to the requester or an admin), stores each state change before its side
 * effect, and answers with messages ready to post. Problems the user can fix are thrown as {@link
 * EditException} with a plain-words message.
 */
public final class EditService {
  private static final Logger LOG = LoggerFactory.getLogger(EditService.class);
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private final EditStore edits;
  private final ServerSettingsStore serverSettings;
  private final QuotaService quota;
  private final InstructionParser parser;
  private final VideoProbe probe;
  private final VideoRules rules;
  private final VideoConformer conformer;
  private final EditIntake intake;
  private final SelectionWork selection;
  private final MediaFiles files;
  private final EditorLinks editorLinks;
  private final Runnable wakeRunner;
  private final Clock clock;
  private final EditLocks locks = new EditLocks();

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
      Runnable wakeRunner,
      Clock clock) {
    this.edits = requireNonNull(edits, "edits is null");
    this.serverSettings = requireNonNull(serverSettings, "serverSettings is null");
    this.quota = requireNonNull(quota, "quota is null");
    this.parser = requireNonNull(parser, "parser is null");
    this.probe = requireNonNull(probe, "probe is null");
    this.rules = requireNonNull(rules, "rules is null");
    this.conformer = requireNonNull(conformer, "conformer is null");
    this.intake = requireNonNull(intake, "intake is null");
    this.selection = requireNonNull(selection, "selection is null");
    this.files = requireNonNull(files, "files is null");
    this.editorLinks = requireNonNull(editorLinks, "editorLinks is null");
    this.wakeRunner = requireNonNull(wakeRunner, "wakeRunner is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  // ---------------------------------------------------------------------------------------------
  // Starting

  /**
   * Starts an edit: understands the instruction, fetches and checks the video and images, and opens
   * the Kling session. A video that breaks Kling's rules but can be fixed gives an offer to conform
   * it instead. The reply's first message is the plan, to post in the edit's thread.
   */
  public Reply start(Requester who, StartEdit request) {
    requireNonNull(who, "who is null");
    requireNonNull(request, "request is null");
    checkChannel(who);
    PromptTemplates templates = templates(who);
    ParseResult parsed =
        parser.parse(
            request.instruction(), request.images().size(), templates, request.negativePrompt());
    if (parsed instanceof ParseResult.Refused refused) {
      throw new EditException(EditException.Kind.INSTRUCTION, refused.message());
    }
    EditPlan plan = ((ParseResult.Planned) parsed).plan();
    Instant now = clock.instant();
    quota
        .precheck(
            who.platform(), who.serverId(), who.userId(), request.mode(), TaskDuration.FIVE, now)
        .ifPresent(
            refusal -> {
              throw new EditException(EditException.Kind.QUOTA, refusal.message());
            });
    String id = EditIds.next();
    boolean stored = false;
    try {
      Path video = intake.fetchVideo(id, request.video());
      VideoInfo info = probe(video);
      VideoCheck check = rules.check(info);
      if (!check.ok() && !check.fixable()) {
        throw new EditException(
            EditException.Kind.VIDEO, EditViews.rejected(request.video().displayName(), check));
      }
      if (!check.ok() && !intake.canRelay()) {
        throw new EditException(
            EditException.Kind.VIDEO,
            EditViews.rejected(request.video().displayName(), check)
                + "\nI could fix it, but Kling would have to download the fixed copy from the bot,"
                + " which has no public address (an admin can set http.public-base-url). Fix the"
                + " clip yourself, for example with `klingbot conform`, and try again.");
      }
      List<EditImage> images =
          intake.fetchImages(id, request.images().subList(0, plan.imagesUsed()));
      TaskDuration duration = OutputDuration.choose(plannedMillis(info, check));
      quota
          .precheck(who.platform(), who.serverId(), who.userId(), request.mode(), duration, now)
          .ifPresent(
              refusal -> {
                throw new EditException(EditException.Kind.QUOTA, refusal.message());
              });
      EditRequest editRequest =
          new EditRequest(
              request.instruction().strip(),
              plan.summary(),
              plan.mode(),
              plan.prompt(),
              plan.negativePrompt(),
              plan.rawPrompt(),
              request.mode(),
              duration,
              quota.cost(request.mode(), duration));
      SourceVideo source =
          new SourceVideo(
              Texts.clip(request.video().displayName(), 300),
              video.toString(),
              null,
              json(info),
              json(check),
              !check.ok());
      Edit edit =
          edits.insert(
              new Edit(
                  id,
                  EditState.CREATED,
                  Origin.of(who),
                  editRequest,
                  images,
                  source,
                  null,
                  TaskProgress.none(),
                  Outcome.none(),
                  null,
                  null,
                  EditIds.secret(),
                  now,
                  now,
                  0),
              plan.summary());
      stored = true;
      LOG.info(
          "Edit {} started by {} on {}/{}: {}",
          id,
          who.userId(),
          who.platform().id(),
          who.serverId(),
          plan.summary());
      QuotaUsage usage = quota.usage(who.platform(), who.serverId(), who.userId(), now);
      if (!check.ok()) {
        return Reply.of(edit, EditViews.conformOffer(edit, info, check, usage, plan.notices()));
      }
      edit =
          intake.openSession(edit, intake.videoUrl(video, request.video(), false, who.platform()));
      return Reply.of(edit, EditViews.plan(edit, info, usage, plan.notices(), editorLink(edit)));
    } catch (RuntimeException e) {
      if (!stored) {
        intake.discard(id);
      }
      throw e;
    }
  }

  /** The user agreed to fix the video: makes the conforming copy and opens the session. */
  public Reply conform(Requester who, String editId) {
    return locked(
        who,
        editId,
        edit -> {
          if (edit.state() != EditState.CREATED || !edit.video().needsConform()) {
            throw wrongState(edit, "its video needs no fixing");
          }
          VideoCheck check = readCheck(edit);
          Path source = Path.of(edit.video().file());
          Path conformed = files.conformed(edit.id());
          VideoInfo info;
          try {
            info = conformer.conform(source, conformed, check.plan());
          } catch (MediaException e) {
            throw new EditException(
                EditException.Kind.VIDEO, "The video could not be fixed: " + e.getMessage(), e);
          }
          VideoCheck after = rules.check(info);
          if (!after.ok()) {
            throw new EditException(
                EditException.Kind.VIDEO, EditViews.rejected(edit.video().source(), after));
          }
          TaskDuration duration = OutputDuration.choose(info.durationMillis());
          Instant now = clock.instant();
          Edit fixed =
              edits.update(
                  edit.withVideo(
                          edit.video()
                              .withFile(conformed.toString(), json(info), json(after), false))
                      .withRequest(
                          edit.request()
                              .withDuration(
                                  duration, quota.cost(edit.request().taskMode(), duration))),
                  now,
                  "conformed",
                  String.join("; ", check.plan().changes()));
          fixed =
              intake.openSession(
                  fixed,
                  intake.videoUrl(conformed, MediaSource.File.of(conformed), true, who.platform()));
          QuotaUsage usage =
              quota.usage(
                  fixed.origin().platform(),
                  fixed.origin().serverId(),
                  fixed.origin().userId(),
                  now);
          List<String> notices =
              List.of("Using the fixed copy: " + String.join(" · ", check.plan().changes()) + ".");
          return Reply.of(fixed, EditViews.plan(fixed, info, usage, notices, editorLink(fixed)));
        });
  }

  /** Records the thread and plan message the adapter posted, so later messages go there. */
  public Edit attachConversation(
      Requester who, String editId, String threadId, String planMessageId) {
    return locked(
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
    Edit edit = readable(who, editId);
    requireSession(edit);
    return selection.grid(edit, frameIndex);
  }

  /** Marks points typed as text ({@code C4 D4}, {@code 0.42,0.55}, {@code frame:12}). */
  public Reply select(Requester who, String editId, String text) {
    SelectionInput input = SelectionInput.parse(text);
    return select(
        who,
        editId,
        input.frameIndex() == null ? 0 : input.frameIndex(),
        input.points(),
        input.labels());
  }

  /** Marks points (fractions of the frame) on a frame. */
  public Reply select(Requester who, String editId, int frameIndex, List<Point> points) {
    List<String> labels = new ArrayList<>();
    points.forEach(point -> labels.add(SelectionWork.label(point)));
    return select(who, editId, frameIndex, points, labels);
  }

  private Reply select(
      Requester who, String editId, int frameIndex, List<Point> points, List<String> labels) {
    return lockedReply(
        who,
        editId,
        edit -> {
          requireSession(edit);
          return selection.select(edit, frameIndex, points, labels, true);
        });
  }

  /**
   * Marks one or more points and answers the new selection without drawing a chat image (the web
   * page draws the mask itself, so each click stays quick).
   */
  public SelectionState mark(Requester who, String editId, int frameIndex, List<Point> points) {
    List<String> labels = new ArrayList<>();
    points.forEach(point -> labels.add(SelectionWork.label(point)));
    Reply reply =
        lockedReply(
            who,
            editId,
            edit -> {
              requireSession(edit);
              return selection.select(edit, frameIndex, points, labels, false);
            });
    return selection.state(reply.edit());
  }

  /** Unmarks points (the nearest marked ones) without drawing a chat image. */
  public SelectionState unmark(Requester who, String editId, int frameIndex, List<Point> points) {
    Reply reply =
        lockedReply(
            who,
            editId,
            edit -> {
              requireSession(edit);
              return selection.unselect(edit, frameIndex, points, false);
            });
    return selection.state(reply.edit());
  }

  /** The most points Kling takes on one frame. */
  public static final int MAX_POINTS_PER_FRAME = SelectionWork.MAX_POINTS_PER_FRAME;

  /** The most frames Kling lets one session mark. */
  public static final int MAX_MARKED_FRAMES = SelectionWork.MAX_FRAMES;

  /** Unmarks points typed as text. */
  public Reply unselect(Requester who, String editId, String text) {
    SelectionInput input = SelectionInput.parse(text);
    return unselect(
        who, editId, input.frameIndex() == null ? 0 : input.frameIndex(), input.points());
  }

  public Reply unselect(Requester who, String editId, int frameIndex, List<Point> points) {
    return lockedReply(
        who,
        editId,
        edit -> {
          requireSession(edit);
          return selection.unselect(edit, frameIndex, points, true);
        });
  }

  public Reply clearSelection(Requester who, String editId) {
    return lockedReply(
        who,
        editId,
        edit -> {
          requireSession(edit);
          return selection.clear(edit);
        });
  }

  public Reply preview(Requester who, String editId) {
    return lockedReply(
        who,
        editId,
        edit -> {
          requireSession(edit);
          return selection.preview(edit);
        });
  }

  /** Every marked frame with its final mask (posted to the thread when the web editor is done). */
  public Reply selectionSummary(Requester who, String editId) {
    Edit edit = readable(who, editId);
    requireSession(edit);
    return selection.summary(edit);
  }

  /** The marked points and masks of an edit (for the web editor). */
  public SelectionState selectionState(Requester who, String editId) {
    Edit edit = readable(who, editId);
    return selection.state(edit);
  }

  // ---------------------------------------------------------------------------------------------
  // Changing the prompt

  /**
   * Replaces the instruction (or writes the Kling prompt directly, with {@code <<<video_1>>>}) of
   * an edit that is not submitted yet.
   */
  public Reply updatePrompt(Requester who, String editId, String instruction) {
    return lockedReply(
        who,
        editId,
        edit -> {
          if (!edit.state().isBeforeSubmit()) {
            throw wrongState(edit, "it was already submitted");
          }
          ParseResult parsed =
              parser.parse(
                  instruction,
                  edit.images().size(),
                  templates(who),
                  edit.request().negativePrompt());
          if (parsed instanceof ParseResult.Refused refused) {
            throw new EditException(EditException.Kind.INSTRUCTION, refused.message());
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
                  "prompt-changed",
                  plan.prompt());
          StringBuilder text =
              new StringBuilder("✏️ Edit `")
                  .append(edit.id())
                  .append("` now: ")
                  .append(plan.summary())
                  .append("\n**Kling prompt:** `")
                  .append(plan.prompt())
                  .append('`');
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
    return lockedReply(
        who,
        editId,
        edit -> {
          if (edit.state() == EditState.CREATED && edit.video().needsConform()) {
            throw new EditException(
                EditException.Kind.WRONG_STATE,
                "The video of edit `"
                    + edit.id()
                    + "` still breaks Kling's rules. Press **Conform** to fix it first, or cancel.");
          }
          if (!edit.state().isBeforeSubmit() || edit.session() == null) {
            throw wrongState(edit, "it is " + edit.state().label());
          }
          Instant now = clock.instant();
          if (edit.session().expiredAt(now)) {
            throw new EditException(
                EditException.Kind.WRONG_STATE,
                "Edit `"
                    + edit.id()
                    + "` expired: Kling keeps a video's selection for 24 hours. Start a new edit.");
          }
          Origin owner = edit.origin();
          Reservation reservation =
              quota.reserve(
                  edit.id(),
                  owner.platform(),
                  owner.serverId(),
                  owner.userId(),
                  edit.request().taskMode(),
                  edit.request().duration(),
                  now);
          if (reservation instanceof Reservation.Refused refused) {
            throw new EditException(EditException.Kind.QUOTA, refused.message());
          }
          Edit submitted;
          try {
            submitted =
                edits.update(
                    edit.withState(EditState.SUBMITTED)
                        .withTask(TaskProgress.none().submitted(now)),
                    now,
                    "submitted",
                    Texts.units(edit.request().costUnits()) + " reserved");
          } catch (RuntimeException e) {
            quota.refund(edit.id(), now);
            throw e;
          }
          wakeRunner.run();
          QuotaUsage usage = quota.usage(owner.platform(), owner.serverId(), owner.userId(), now);
          return Reply.of(
              submitted,
              ChatMessage.text(
                  "📨 Submitted edit `"
                      + edit.id()
                      + "` ("
                      + edit.request().summary()
                      + ") for "
                      + Texts.units(edit.request().costUnits())
                      + ". Progress shows up here, and the result is posted when Kling is done (usually a few minutes).\n**Quota:** "
                      + usage.describe()));
        });
  }

  /**
   * Cancels an edit that Kling has not started. Units reserved for a queued edit are refunded; a
   * task Kling already runs cannot be stopped.
   */
  public Reply cancel(Requester who, String editId) {
    return lockedReply(
        who,
        editId,
        edit -> {
          Instant now = clock.instant();
          if (edit.state().isFinal()) {
            throw wrongState(edit, "it already ended (" + edit.state().label() + ")");
          }
          boolean started =
              edit.task().taskId() != null || JobRunner.CREATING.equals(edit.task().status());
          if (edit.state().isRunning() && started) {
            throw new EditException(
                EditException.Kind.WRONG_STATE,
                "Kling has already started edit `"
                    + edit.id()
                    + "` and it cannot be stopped; the result will be posted here when it is ready.");
          }
          Edit cancelled =
              edits.update(
                  edit.withState(EditState.CANCELLED)
                      .withTask(edit.task().withQueued(false, null))
                      .withOutcome(
                          edit.outcome()
                              .failed("Cancelled by " + who.userName() + ".", now)
                              .delivered(now)),
                  now,
                  "cancelled",
                  who.userId());
          boolean refunded = quota.refund(edit.id(), now);
          return Reply.of(
              cancelled,
              ChatMessage.text(
                  "🛑 Cancelled edit `"
                      + edit.id()
                      + "`."
                      + (refunded
                          ? " Its "
                              + Texts.units(edit.request().costUnits())
                              + " went back to your quota."
                          : "")));
        });
  }

  /** An edit's state; without an id, the edit of the current thread or the user's latest. */
  public Reply status(Requester who, String editIdOrNull) {
    Edit edit =
        editIdOrNull == null || editIdOrNull.isBlank() ? current(who) : readable(who, editIdOrNull);
    int ahead = edit.task().queued() ? edits.queuedAhead(edit) : 0;
    return Reply.of(edit, EditViews.status(edit, clock.instant(), ahead));
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
      return Reply.text(
          "You have no edits on this server yet. Start one by giving a video and an instruction, e.g. “remove the man in the red jacket”.");
    }
    Instant now = clock.instant();
    StringBuilder text = new StringBuilder("🗂️ **Your recent edits**");
    recent.forEach(edit -> text.append("\n- ").append(EditViews.historyLine(edit, now)));
    return Reply.text(text.toString());
  }

  /** The requester's and the server's quota. */
  public Reply quota(Requester who) {
    Instant now = clock.instant();
    QuotaUsage usage = quota.usage(who.platform(), who.serverId(), who.userId(), now);
    var policy = usage.policy();
    String text =
        "📊 **Quota**: "
            + usage.describe()
            + "\nRunning now: "
            + usage.running()
            + " of "
            + policy.maxConcurrentJobs()
            + " · pro mode "
            + (policy.allowPro() ? "allowed" : "off")
            + " · 10 s results "
            + (policy.allowTenSeconds() ? "allowed" : "off")
            + " · days end at midnight "
            + policy.timeZone().getId()
            + "\nCosts: std 5 s = "
            + Texts.units(quota.cost(dev.klingbot.kling.TaskMode.STD, TaskDuration.FIVE))
            + ", std 10 s = "
            + Texts.units(quota.cost(dev.klingbot.kling.TaskMode.STD, TaskDuration.TEN))
            + ", pro 5 s = "
            + Texts.units(quota.cost(dev.klingbot.kling.TaskMode.PRO, TaskDuration.FIVE))
            + ", pro 10 s = "
            + Texts.units(quota.cost(dev.klingbot.kling.TaskMode.PRO, TaskDuration.TEN));
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

  /** Finds an edit the requester may see. */
  public Edit find(Requester who, String editId) {
    return readable(who, editId);
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
                    EditException.Kind.NOT_FOUND,
                    "You have no edits on this server yet, so there is nothing to show. Start one with a video and an instruction."));
  }

  /** The editor page link of an edit, when a public base URL is configured and it is selectable. */
  public Optional<String> editorLink(Edit edit) {
    if (edit.session() == null || !edit.state().isBeforeSubmit()) {
      return Optional.empty();
    }
    return editorLinks.link(edit.id(), edit.session().expiresAt());
  }

  // ---------------------------------------------------------------------------------------------

  private void checkChannel(Requester who) {
    List<String> allowed = serverSettings.allowedChannels(who.platform(), who.serverId());
    if (!allowed.isEmpty() && !allowed.contains(who.channelId())) {
      throw new EditException(
          EditException.Kind.NOT_ALLOWED,
          "Edits can't be started in this channel. This server allows them in: "
              + String.join(", ", allowed.stream().map(id -> "<#" + id + ">").toList())
              + ".");
    }
  }

  private PromptTemplates templates(Requester who) {
    PromptTemplates templates = PromptTemplates.defaults();
    for (Map.Entry<EditMode, String> entry :
        serverSettings.templates(who.platform(), who.serverId()).entrySet()) {
      try {
        templates = templates.withOverride(entry.getKey(), entry.getValue());
      } catch (RuntimeException e) {
        LOG.warn(
            "Ignoring the invalid {} template of {}/{}: {}",
            entry.getKey(),
            who.platform().id(),
            who.serverId(),
            e.getMessage());
      }
    }
    return templates;
  }

  private VideoInfo probe(Path video) {
    try {
      return probe.probe(video);
    } catch (MediaException e) {
      throw new EditException(EditException.Kind.VIDEO, e.getMessage(), e);
    }
  }

  private static long plannedMillis(VideoInfo info, VideoCheck check) {
    ConformPlan plan = check.plan();
    if (plan != null && plan.trimToMillis() != null) {
      return plan.trimToMillis();
    }
    return info.durationMillis();
  }

  private Edit readable(Requester who, String editId) {
    String id = EditIds.normalize(editId);
    return edits
        .find(id)
        .filter(
            edit ->
                edit.origin().platform() == who.platform()
                    && edit.origin().serverId().equals(who.serverId()))
        .orElseThrow(
            () ->
                new EditException(
                    EditException.Kind.NOT_FOUND,
                    "There is no edit “"
                        + Texts.clip(editId == null ? "" : editId, 20)
                        + "” on this server. Your recent edits are listed by the history command."));
  }

  private Edit changeable(Requester who, String editId) {
    Edit edit = readable(who, editId);
    if (!edit.origin().userId().equals(who.userId()) && !who.admin()) {
      throw new EditException(
          EditException.Kind.NOT_ALLOWED,
          "Edit `"
              + edit.id()
              + "` belongs to "
              + edit.origin().userName()
              + "; only they or a server admin can change it.");
    }
    return edit;
  }

  private void requireSession(Edit edit) {
    if (edit.state() == EditState.CREATED && edit.video().needsConform()) {
      throw new EditException(
          EditException.Kind.WRONG_STATE,
          "The video of edit `"
              + edit.id()
              + "` must be fixed first: press **Conform**, or cancel.");
    }
    if (!edit.state().isBeforeSubmit() || edit.session() == null) {
      throw wrongState(edit, "it is " + edit.state().label());
    }
    if (edit.session().expiredAt(clock.instant())) {
      throw new EditException(
          EditException.Kind.WRONG_STATE,
          "Edit `"
              + edit.id()
              + "` expired: Kling keeps a video's selection for 24 hours. Start a new edit.");
    }
  }

  private static EditException wrongState(Edit edit, String why) {
    return new EditException(
        EditException.Kind.WRONG_STATE, "Edit `" + edit.id() + "` can't do that now: " + why + ".");
  }

  private <T> T locked(Requester who, String editId, java.util.function.Function<Edit, T> action) {
    String id = EditIds.normalize(editId);
    Supplier<T> work = () -> action.apply(changeable(who, id));
    ConcurrentUpdateException last = null;
    // Another process or the job runner may save the edit between our read and our write (a
    // queued edit is touched every few seconds); read it again and redo the action.
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        return locks.with(id, work);
      } catch (ConcurrentUpdateException e) {
        last = e;
      }
    }
    throw new EditException(
        EditException.Kind.BUSY,
        "Edit `" + id + "` keeps changing under us (the job runner is working on it). Try again.",
        last);
  }

  private Reply lockedReply(
      Requester who, String editId, java.util.function.Function<Edit, Reply> action) {
    return locked(who, editId, action);
  }

  private VideoCheck readCheck(Edit edit) {
    VideoInfo info = readInfo(edit);
    return rules.check(info);
  }

  private static VideoInfo readInfo(Edit edit) {
    try {
      return JSON.readValue(edit.video().infoJson(), VideoInfo.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored video info of " + edit.id() + " is not readable", e);
    }
  }

  /** The probe result of an edit's video, as stored. */
  public static VideoInfo videoInfo(Edit edit) {
    return readInfo(edit);
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }
}
