package dev.klingbot.core.workflow;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Requester;
import dev.klingbot.core.conversation.Access;
import dev.klingbot.core.edit.Chain;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditImage;
import dev.klingbot.core.edit.EditRequest;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.edit.KlingSession;
import dev.klingbot.core.edit.Origin;
import dev.klingbot.core.edit.SourceVideo;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.instruction.EditPlan;
import dev.klingbot.core.media.VideoCheck;
import dev.klingbot.core.media.VideoInfo;
import dev.klingbot.core.media.VideoRules;
import dev.klingbot.core.quota.QuotaService;
import dev.klingbot.core.quota.QuotaUsage;
import dev.klingbot.core.relay.EditorLinks;
import dev.klingbot.core.store.EditStore;
import dev.klingbot.kling.Point;
import dev.klingbot.kling.TaskDuration;
import dev.klingbot.kling.TaskMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Edits made from earlier ones. <b>Edit the result</b>: a new instruction that starts from an
 * edit's result through Kling's {@code video_id} (nothing is downloaded, uploaded or conformed);
 * past Kling's 30 days, or when Kling refuses the id, from the stored result file, relayed like any
 * upload; without one the person is told to upload it again. <b>Again</b>: the same source,
 * instruction, images, selection, mode and length as a new edit with its own task and charge. Both
 * go on in the earlier edit's thread and keep the chain ({@link Chain}).
 */
final class EditChains {
  private static final Logger LOG = LoggerFactory.getLogger(EditChains.class);

  /** How long Kling keeps a generated video usable as {@code video_id}. */
  static final Duration KLING_KEEPS_RESULTS = Duration.ofDays(30);

  private final EditStore edits;
  private final QuotaService quota;
  private final EditStarter starter;
  private final EditIntake intake;
  private final MediaFiles files;
  private final SelectionWork selection;
  private final EditSubmission submission;
  private final VideoRules rules;
  private final EditorLinks editorLinks;
  private final Clock clock;

  EditChains(
      EditStore edits,
      QuotaService quota,
      EditStarter starter,
      EditIntake intake,
      MediaFiles files,
      SelectionWork selection,
      EditSubmission submission,
      VideoRules rules,
      EditorLinks editorLinks,
      Clock clock) {
    this.edits = requireNonNull(edits, "edits is null");
    this.quota = requireNonNull(quota, "quota is null");
    this.starter = requireNonNull(starter, "starter is null");
    this.intake = requireNonNull(intake, "intake is null");
    this.files = requireNonNull(files, "files is null");
    this.selection = requireNonNull(selection, "selection is null");
    this.submission = requireNonNull(submission, "submission is null");
    this.rules = requireNonNull(rules, "rules is null");
    this.editorLinks = requireNonNull(editorLinks, "editorLinks is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  // ---------------------------------------------------------------------------------------------
  // Edit the result

  /** Starts a new edit from the result of {@code parent}; the reply's first message is the plan. */
  Reply fromResult(Requester who, Edit parent, StartEdit request) {
    EditPlan plan = starter.understand(who, request);
    Access.requireMayChange(who, parent);
    if (parent.state() != EditState.SUCCEEDED) {
      throw new EditException(
          EditException.Kind.WRONG_STATE,
          Messages.text("edit.chain.no.result", parent.id(), parent.state().text()));
    }
    Instant now = clock.instant();
    Path resultFile = storedFile(parent.outcome().resultFile());
    String videoId = parent.outcome().resultVideoId();
    boolean klingHasIt =
        videoId != null
            && parent.outcome().finishedAt() != null
            && now.isBefore(parent.outcome().finishedAt().plus(KLING_KEEPS_RESULTS));
    if (!klingHasIt && resultFile == null) {
      throw new EditException(EditException.Kind.VIDEO, tooOld(parent));
    }
    TaskDuration duration = parent.request().duration();
    precheck(who, request.mode(), duration);
    return newEdit(
        who,
        fresh -> {
          String id = fresh.id();
          // A local copy of the result (no network: the file the bot already has) gives the frames
          // for the grid and the mask pictures.
          Path copy = copyOf(resultFile, id, "mp4");
          VideoInfo info = copy == null ? null : starter.probe(copy);
          EditIntake.FetchedImages fetched =
              intake.fetchImages(id, request.images().subList(0, plan.imagesUsed()));
          List<String> notices = new ArrayList<>(plan.notices());
          notices.addAll(fetched.notices());
          EditRequest editRequest =
              EditStarter.editRequest(
                  request, plan, duration, quota.cost(request.mode(), duration));
          SourceVideo source =
              new SourceVideo(
                  Messages.text("edit.source.result.of", parent.id()),
                  copy == null ? null : copy.toString(),
                  null,
                  info == null ? null : EditStarter.json(info),
                  info == null ? null : EditStarter.json(rules.check(info)),
                  false,
                  klingHasIt ? videoId : null,
                  Chain.resultOf(parent.id()));
          Edit edit = insert(id, who, parent, editRequest, fetched.images(), source, now);
          fresh.stored();
          LOG.info(
              "Edit {} started by {} from the result of {} ({}): {}",
              id,
              who.userId(),
              parent.id(),
              klingHasIt ? "Kling video id" : "stored file",
              plan.summary());
          SessionOpener.Opened opened =
              klingHasIt
                  ? intake.openFromVideoId(edit, copy, who.platform(), tooOld(parent))
                  : intake.openSession(
                      edit, intake.videoUrl(copy, MediaSource.File.of(copy), true, who.platform()));
          edit = opened.edit();
          if (opened.waiting().isPresent()) {
            return Reply.of(edit, EditViews.waitingForKling(edit, opened.waiting().get().until()));
          }
          if (edit.video().klingVideoId() == null && klingHasIt) {
            notices.add(Messages.text("edit.chain.stored.copy", parent.id()));
          }
          edit = withInfoFromSession(edit, info);
          QuotaUsage usage = quota.usage(who.platform(), who.serverId(), who.userId(), now);
          return Reply.of(
              edit,
              EditViews.plan(
                  edit, EditStarter.readInfo(edit), usage, notices, editorLinks.forEdit(edit)));
        });
  }

  // ---------------------------------------------------------------------------------------------
  // Again

  /**
   * Runs {@code parent} once more as a new edit, marks the same points and submits it: the reply is
   * the plan and the submission.
   */
  Reply again(Requester who, Edit parent) {
    Access.requireMayChange(who, parent);
    if (parent.task().submittedAt() == null) {
      throw new EditException(
          EditException.Kind.WRONG_STATE, Messages.text("edit.chain.never.submitted", parent.id()));
    }
    starter.checkChannel(who);
    TaskMode mode = parent.request().taskMode();
    TaskDuration duration = parent.request().duration();
    precheck(who, mode, duration);
    Instant now = clock.instant();
    String videoId = parent.video().klingVideoId();
    Path parentFile = storedFile(parent.video().file());
    if (videoId == null && parentFile == null) {
      throw new EditException(
          EditException.Kind.VIDEO, Messages.text("edit.chain.video.gone", parent.id()));
    }
    return newEdit(
        who,
        fresh -> {
          String id = fresh.id();
          Path copy =
              copyOf(
                  parentFile,
                  id,
                  parentFile == null ? null : MediaFiles.extension(parentFile.toString(), "mp4"));
          List<EditImage> images = copyImages(id, parent);
          EditRequest old = parent.request();
          EditRequest request =
              new EditRequest(
                  old.instruction(),
                  old.summary(),
                  old.mode(),
                  old.prompt(),
                  old.negativePrompt(),
                  old.rawPrompt(),
                  mode,
                  duration,
                  quota.cost(mode, duration));
          SourceVideo source =
              new SourceVideo(
                  parent.video().source(),
                  copy == null ? null : copy.toString(),
                  null,
                  parent.video().infoJson(),
                  parent.video().checkJson(),
                  false,
                  videoId,
                  Chain.again(parent.id()));
          Edit edit = insert(id, who, parent, request, images, source, now);
          fresh.stored();
          LOG.info("Edit {} started by {}: {} again", id, who.userId(), parent.id());
          SessionOpener.Opened opened =
              videoId != null
                  ? intake.openFromVideoId(edit, copy, who.platform(), tooOld(parent))
                  : intake.openSession(
                      edit, intake.videoUrl(copy, MediaSource.File.of(copy), true, who.platform()));
          edit = opened.edit();
          if (opened.waiting().isPresent()) {
            // again is one press: rather than a half-made edit that waits, nothing is left behind
            submission.cancel(who, edit);
            throw new EditException(
                EditException.Kind.BUSY, Messages.text("edit.chain.busy", parent.id()));
          }
          edit = withInfoFromSession(edit, null);
          Map<Integer, List<Point>> marked = selection.state(parent).points();
          for (Map.Entry<Integer, List<Point>> frame : marked.entrySet()) {
            List<String> labels = frame.getValue().stream().map(SelectionViews::label).toList();
            edit = selection.select(edit, frame.getKey(), frame.getValue(), labels, false).edit();
          }
          VideoInfo info = EditStarter.readInfo(edit);
          Reply submitted;
          try {
            submitted = submission.submit(edit);
          } catch (EditException e) {
            submission.cancel(who, edits.find(id).orElse(edit));
            throw e;
          }
          List<dev.klingbot.core.chat.ChatMessage> messages = new ArrayList<>();
          messages.add(EditViews.againPlan(submitted.edit(), info, marked));
          messages.addAll(submitted.messages());
          return new Reply(submitted.edit(), messages);
        });
  }

  // ---------------------------------------------------------------------------------------------

  /** Starts a new edit of {@code who} under the start limits shared with fresh starts. */
  private Reply newEdit(Requester who, Function<NewEdit, Reply> start) {
    return NewEdit.start(starter.limits(), who, intake, start);
  }

  private void precheck(Requester who, TaskMode mode, TaskDuration duration) {
    quota
        .precheck(who.platform(), who.serverId(), who.userId(), mode, duration, clock.instant())
        .ifPresent(
            refusal -> {
              throw new EditException(EditException.Kind.QUOTA, refusal.message());
            });
  }

  /** A new edit of {@code who} in the thread of {@code parent}. */
  private Edit insert(
      String id,
      Requester who,
      Edit parent,
      EditRequest request,
      List<EditImage> images,
      SourceVideo source,
      Instant now) {
    Origin origin =
        new Origin(
            who.platform(),
            who.serverId(),
            parent.origin().channelId(),
            parent.origin().threadId(),
            who.userId(),
            who.userName());
    return edits.insert(
        Edit.created(id, origin, request, images, source, now),
        request.summary()
            + (source.chain().link() == Chain.Link.AGAIN
                ? " (" + parent.id() + " again)"
                : " (from the result of " + parent.id() + ")"));
  }

  /** A copy of the stored video {@code file} as the source of edit {@code id}; null without one. */
  private Path copyOf(Path file, String id, String extension) {
    return file == null
        ? null
        : intake.copyInto(
            file, files.source(id, extension), intake.settings().maxVideoBytes(), "video");
  }

  /** The reference images of {@code parent}, copied into the new edit's folder. */
  private List<EditImage> copyImages(String id, Edit parent) {
    List<EditImage> images = new ArrayList<>();
    for (EditImage image : parent.images()) {
      Path file = storedFile(image.file());
      if (file == null) {
        throw new EditException(
            EditException.Kind.IMAGE,
            Messages.text("edit.chain.image.gone", String.valueOf(image.position()), parent.id()));
      }
      Path copy =
          intake.copyInto(
              file,
              files.image(id, image.position(), MediaFiles.extension(file.toString(), "png")),
              intake.settings().maxImageBytes(),
              "image " + image.position());
      images.add(
          new EditImage(
              image.position(),
              image.source(),
              copy.toString(),
              intake.relayUrl(copy).orElse(null)));
    }
    return images;
  }

  /**
   * An edit opened from a Kling video id without a local copy learns its size, rate and length from
   * Kling's answer.
   */
  private Edit withInfoFromSession(Edit edit, VideoInfo local) {
    if (edit.video().infoJson() != null || local != null) {
      return edit;
    }
    KlingSession session = edit.session();
    VideoInfo info =
        new VideoInfo(
            "mp4",
            "h264",
            edit.request().duration().seconds() * 1000L,
            session.fps(),
            session.width(),
            session.height(),
            session.totalFrames(),
            0,
            false,
            0);
    VideoCheck check = rules.check(info);
    return edits.update(
        edit.withVideo(
            edit.video().withFile(null, EditStarter.json(info), EditStarter.json(check), false)),
        clock.instant(),
        null,
        null);
  }

  private static Path storedFile(String file) {
    if (file == null) {
      return null;
    }
    Path path = Path.of(file);
    return Files.isRegularFile(path) ? path : null;
  }

  static String tooOld(Edit parent) {
    return Messages.text("edit.chain.too.old", parent.id());
  }
}
