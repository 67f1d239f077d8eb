package dev.klingbot.core.workflow;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.klingbot.core.Requester;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditEvent;
import dev.klingbot.core.edit.EditIds;
import dev.klingbot.core.edit.EditImage;
import dev.klingbot.core.edit.EditLogContext;
import dev.klingbot.core.edit.EditRequest;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.edit.Origin;
import dev.klingbot.core.edit.SourceVideo;
import dev.klingbot.core.i18n.Messages;
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
import dev.klingbot.core.relay.EditorLinks;
import dev.klingbot.core.store.EditStore;
import dev.klingbot.core.store.ServerSettingsStore;
import dev.klingbot.kling.EditMode;
import dev.klingbot.kling.TaskDuration;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starting an edit: the instruction understood, the video and images fetched and checked, the Kling
 * session opened; or, for a video that breaks Kling's rules but can be fixed, the offer to conform
 * it and, once the user agrees, the fix.
 */
final class EditStarter {
  private static final Logger LOG = LoggerFactory.getLogger(EditStarter.class);
  private static final ObjectMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final EditStore edits;
  private final ServerSettingsStore serverSettings;
  private final QuotaService quota;
  private final InstructionParser parser;
  private final VideoProbe probe;
  private final VideoRules rules;
  private final VideoConformer conformer;
  private final EditIntake intake;
  private final MediaFiles files;
  private final EditorLinks editorLinks;
  private final Clock clock;
  private final StartLimits limits;

  EditStarter(
      EditStore edits,
      ServerSettingsStore serverSettings,
      QuotaService quota,
      InstructionParser parser,
      VideoProbe probe,
      VideoRules rules,
      VideoConformer conformer,
      EditIntake intake,
      MediaFiles files,
      EditorLinks editorLinks,
      Clock clock) {
    this.edits = requireNonNull(edits, "edits is null");
    this.serverSettings = requireNonNull(serverSettings, "serverSettings is null");
    this.quota = requireNonNull(quota, "quota is null");
    this.parser = requireNonNull(parser, "parser is null");
    this.probe = requireNonNull(probe, "probe is null");
    this.rules = requireNonNull(rules, "rules is null");
    this.conformer = requireNonNull(conformer, "conformer is null");
    this.intake = requireNonNull(intake, "intake is null");
    this.files = requireNonNull(files, "files is null");
    this.editorLinks = requireNonNull(editorLinks, "editorLinks is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.limits = StartLimits.from(edits, intake.settings(), clock);
  }

  /** The limits on open edits and starts per minute, shared with edits made from earlier ones. */
  StartLimits limits() {
    return limits;
  }

  /**
   * What can be refused before any media is fetched: the channel, the instruction and the quota.
   * Nothing is stored or fetched.
   */
  EditPlan understand(Requester who, StartEdit request) {
    requireNonNull(who, "who is null");
    requireNonNull(request, "request is null");
    checkChannel(who);
    PromptTemplates templates = templates(who);
    ParseResult parsed =
        parser.parse(
            request.instruction(), request.images().size(), templates, request.negativePrompt());
    if (parsed instanceof ParseResult.Refused refused) {
      throw EditException.withSuggestion(refused.message(), refused.suggestion());
    }
    quota
        .precheck(
            who.platform(),
            who.serverId(),
            who.userId(),
            request.mode(),
            TaskDuration.FIVE,
            clock.instant())
        .ifPresent(
            refusal -> {
              throw new EditException(EditException.Kind.QUOTA, refusal.message());
            });
    return ((ParseResult.Planned) parsed).plan();
  }

  /**
   * Starts an edit: understands the instruction, fetches and checks the video and images, and opens
   * the Kling session. A video that breaks Kling's rules but can be fixed gives an offer to conform
   * it instead. The reply's first message is the plan, to post in the edit's thread.
   */
  Reply start(Requester who, StartEdit request) {
    EditPlan plan = understand(who, request);
    Instant now = clock.instant();
    String id = EditIds.next();
    StartLimits.Admission admission = limits.admit(who, id);
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
                + "\n"
                + Messages.text("edit.start.no.relay"));
      }
      // Where Kling fetches the video from, before anything is stored: a start Kling could not
      // serve (a local file and no public address) leaves no edit behind.
      String videoUrl =
          check.ok() ? intake.videoUrl(video, request.video(), false, who.platform()) : null;
      EditIntake.FetchedImages fetched =
          intake.fetchImages(id, request.images().subList(0, plan.imagesUsed()));
      List<EditImage> images = fetched.images();
      List<String> notices = new ArrayList<>(plan.notices());
      notices.addAll(fetched.notices());
      TaskDuration duration = OutputDuration.choose(plannedMillis(info, check));
      quota
          .precheck(who.platform(), who.serverId(), who.userId(), request.mode(), duration, now)
          .ifPresent(
              refusal -> {
                throw new EditException(EditException.Kind.QUOTA, refusal.message());
              });
      EditRequest editRequest =
          editRequest(request, plan, duration, quota.cost(request.mode(), duration));
      SourceVideo source =
          new SourceVideo(
              Texts.clip(request.video().displayName(), 300),
              video.toString(),
              null,
              json(info),
              json(check),
              !check.ok());
      EditLogContext.name(id);
      Edit edit =
          edits.insert(
              Edit.created(id, Origin.of(who), editRequest, images, source, now), plan.summary());
      stored = true;
      admission.close();
      LOG.info(
          "Edit {} started by {} on {}/{}: {}",
          id,
          who.userId(),
          who.platform().id(),
          who.serverId(),
          plan.summary());
      QuotaUsage usage = quota.usage(who.platform(), who.serverId(), who.userId(), now);
      if (!check.ok()) {
        return Reply.of(edit, EditViews.conformOffer(edit, info, check, usage, notices));
      }
      SessionOpener.Opened opened = intake.openSession(edit, videoUrl);
      edit = opened.edit();
      if (opened.waiting().isPresent()) {
        return Reply.of(edit, EditViews.waitingForKling(edit, opened.waiting().get().until()));
      }
      return Reply.of(edit, EditViews.plan(edit, info, usage, notices, editorLinks.forEdit(edit)));
    } catch (RuntimeException e) {
      if (stored) {
        endRefused(id, e);
      } else {
        intake.discard(id);
      }
      throw e;
    } finally {
      admission.close();
    }
  }

  /** The user agreed to fix the video: makes the conforming copy and opens the session. */
  Reply conform(Requester who, Edit edit) {
    if (edit.state() != EditState.CREATED || !edit.video().needsConform()) {
      throw EditAccess.wrongState(edit, Messages.text("edit.why.no.fixing"));
    }
    try {
      return conformAndOpen(who, edit);
    } catch (RuntimeException e) {
      endRefused(edit.id(), e);
      throw e;
    }
  }

  /**
   * Ends an edit whose start was refused after it was stored (the video could not be fixed, Kling
   * cannot fetch it, an unexpected failure), so that it shows as failed with the reason rather than
   * as created for ever. An edit that already ended (Kling refused it) or waits for Kling to answer
   * is left as it is.
   */
  private void endRefused(String id, RuntimeException refusal) {
    try {
      Edit edit = edits.find(id).orElse(null);
      if (edit == null || edit.state() != EditState.CREATED || edit.task().nextCheckAt() != null) {
        return;
      }
      String reason =
          refusal instanceof EditException
              ? refusal.getMessage()
              : Messages.text("edit.start.failed.bot");
      intake.failNow(edit, reason, EditEvent.START_REFUSED, refusal.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("Edit {}: could not record the refused start", id, e);
    }
  }

  private Reply conformAndOpen(Requester who, Edit edit) {
    VideoCheck check = readCheck(edit);
    Path source = Path.of(edit.video().file());
    Path conformed = files.conformed(edit.id());
    VideoInfo info;
    try {
      info = conformer.conform(source, conformed, check.plan());
    } catch (MediaException e) {
      throw new EditException(
          EditException.Kind.VIDEO, Messages.text("edit.conform.failed", e.getMessage()), e);
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
                    edit.video().withFile(conformed.toString(), json(info), json(after), false))
                .withRequest(
                    edit.request()
                        .withDuration(duration, quota.cost(edit.request().taskMode(), duration))),
            now,
            EditEvent.CONFORMED,
            String.join("; ", check.plan().changes()));
    SessionOpener.Opened opened =
        intake.openSession(
            fixed,
            intake.videoUrl(conformed, MediaSource.File.of(conformed), true, who.platform()));
    fixed = opened.edit();
    if (opened.waiting().isPresent()) {
      return Reply.of(fixed, EditViews.waitingForKling(fixed, opened.waiting().get().until()));
    }
    QuotaUsage usage =
        quota.usage(
            fixed.origin().platform(), fixed.origin().serverId(), fixed.origin().userId(), now);
    List<String> notices =
        List.of(Messages.text("edit.conform.using", String.join(" · ", check.plan().changes())));
    return Reply.of(fixed, EditViews.plan(fixed, info, usage, notices, editorLinks.forEdit(fixed)));
  }

  void checkChannel(Requester who) {
    List<String> allowed = serverSettings.allowedChannels(who.platform(), who.serverId());
    if (!allowed.isEmpty() && !allowed.contains(who.channelId())) {
      throw new EditException(
          EditException.Kind.NOT_ALLOWED,
          Messages.text(
              "edit.start.channel",
              String.join(", ", allowed.stream().map(id -> "<#" + id + ">").toList())));
    }
  }

  PromptTemplates templates(Requester who) {
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

  VideoInfo probe(Path video) {
    try {
      return probe.probe(video);
    } catch (MediaException e) {
      throw new EditException(EditException.Kind.VIDEO, e.getMessage(), e);
    }
  }

  static long plannedMillis(VideoInfo info, VideoCheck check) {
    ConformPlan plan = check.plan();
    if (plan != null && plan.trimToMillis() != null) {
      return plan.trimToMillis();
    }
    return info.durationMillis();
  }

  VideoCheck readCheck(Edit edit) {
    VideoInfo info = readInfo(edit);
    return rules.check(info);
  }

  /** The stored probe result; {@code null} for a Kling video not probed yet. */
  static VideoInfo readInfo(Edit edit) {
    if (edit.video().infoJson() == null) {
      return null;
    }
    try {
      return JSON.readValue(edit.video().infoJson(), VideoInfo.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored video info of " + edit.id() + " is not readable", e);
    }
  }

  /** What an edit started by {@code request} asks Kling for, as {@code plan} understood it. */
  static EditRequest editRequest(
      StartEdit request, EditPlan plan, TaskDuration duration, int cost) {
    return new EditRequest(
        request.instruction().strip(),
        plan.summary(),
        plan.mode(),
        plan.prompt(),
        plan.negativePrompt(),
        plan.rawPrompt(),
        request.mode(),
        duration,
        cost);
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }
}
