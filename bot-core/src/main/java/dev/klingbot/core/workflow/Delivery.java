package dev.klingbot.core.workflow;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.chat.ChatAction;
import dev.klingbot.core.chat.ChatException;
import dev.klingbot.core.chat.ChatFile;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.chat.ChatPort;
import dev.klingbot.core.chat.ChatPorts;
import dev.klingbot.core.chat.MessageRef;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditEvent;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.i18n.Lang;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.media.Downloads;
import dev.klingbot.core.media.FrameExtractor;
import dev.klingbot.core.media.MediaException;
import dev.klingbot.core.metrics.WorkflowMetrics;
import dev.klingbot.core.store.EditStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts how an edit ended, once: the result video (uploaded when it fits the platform's limit,
 * linked with a still otherwise), or the reason it failed or expired. The start of a delivery and
 * its end are stored around the post, so a restart does not post a delivered result again. A result
 * is followed by its before-and-after {@link Comparison}, before the delivery is recorded as done
 * (so a restart in between still posts it, once); the comparison never fails the delivery.
 */
public final class Delivery {
  private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);
  static final long MAX_RESULT_BYTES = 2L << 30;
  static final Duration RETRY = Duration.ofSeconds(30);

  private final EditStore edits;
  private final ChatPorts chats;
  private final Downloads downloads;
  private final FrameExtractor frames;
  private final MediaFiles files;
  private final ProgressReporter progress;
  private final Comparison comparison;
  private final Clock clock;
  private final Duration transientRetryWindow;
  private final WorkflowMetrics metrics;

  /**
   * A delivery that keeps trying to download a result for the settings' transient retry window
   * after the task ended before it posts the link instead, and counts its outcomes in {@code
   * klingbot.deliveries}.
   */
  public Delivery(
      EditStore edits,
      ChatPorts chats,
      Downloads downloads,
      FrameExtractor frames,
      MediaFiles files,
      WorkflowSettings settings,
      Clock clock,
      WorkflowMetrics metrics) {
    this.metrics = requireNonNull(metrics, "metrics is null");
    this.edits = requireNonNull(edits, "edits is null");
    this.chats = requireNonNull(chats, "chats is null");
    this.downloads = requireNonNull(downloads, "downloads is null");
    this.frames = requireNonNull(frames, "frames is null");
    this.files = requireNonNull(files, "files is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.transientRetryWindow =
        requireNonNull(settings, "settings is null").jobs().transientRetryWindow();
    this.progress = new ProgressReporter(edits, chats, clock);
    this.comparison = new Comparison(edits, files, frames, clock);
  }

  /** Posts the final message of a finished edit unless it was posted already. */
  public void deliver(Edit edit) {
    if (!edit.state().isFinal() || edit.outcome().deliveredAt() != null) {
      return;
    }
    Optional<ChatPort> port = chats.find(edit.origin().platform());
    if (port.isEmpty()) {
      return;
    }
    boolean again = edit.outcome().deliveryStartedAt() != null;
    if (again && postedBefore(edit, port.get())) {
      return;
    }
    Edit current = edit;
    if (current.state() == EditState.SUCCEEDED) {
      Optional<Edit> downloaded = downloadResult(current);
      if (downloaded.isEmpty()) {
        return;
      }
      current = downloaded.get();
    }
    Instant now = clock.instant();
    current =
        edits.update(
            current.withOutcome(current.outcome().deliveryStarted(now)),
            now,
            EditEvent.DELIVERING,
            again ? "again after an interruption" : null);
    ChatMessage message;
    if (current.state() == EditState.SUCCEEDED) {
      message = resultMessage(current, port.get());
    } else {
      message =
          ChatMessage.text(
                  Messages.text(
                      current.state() == EditState.EXPIRED ? "delivery.expired" : "delivery.failed",
                      current.id(),
                      current.request().summary(),
                      current.outcome().failureReason()))
              .mentioning(current.origin().userId());
    }
    try {
      MessageRef posted =
          port.get()
              .post(current.origin().conversation(), message.withDeliveryKey(deliveryKey(current)));
      LOG.info(
          "Edit {}: delivered ({}) as message {}",
          current.id(),
          current.state().label(),
          posted.id());
    } catch (ChatException e) {
      if (e.retryable()) {
        LOG.warn(
            "Edit {}: posting the result failed ({}); retrying in {}",
            current.id(),
            e.getMessage(),
            RETRY);
        Instant later = clock.instant();
        edits.update(
            current.withTask(current.task().checkAt(later.plus(RETRY))),
            later,
            EditEvent.DELIVERY_RETRY,
            e.getMessage());
        metrics.delivery("retry");
        return;
      }
      LOG.error("Edit {}: the result cannot be posted: {}", current.id(), e.getMessage());
      Instant at = clock.instant();
      edits.update(
          current.withOutcome(current.outcome().delivered(at)),
          at,
          EditEvent.DELIVERY_FAILED,
          e.getMessage());
      metrics.delivery("failed");
      return;
    }
    comparison.post(current, port.get());
    Instant at = clock.instant();
    Edit delivered =
        edits.update(
            current.withOutcome(current.outcome().delivered(at)), at, EditEvent.DELIVERED, null);
    metrics.delivery("delivered");
    progress.finish(
        delivered,
        delivered.state() == EditState.SUCCEEDED
            ? TaskTexts.done(delivered, at)
            : TaskTexts.failed(delivered));
  }

  /**
   * The words that start the final message of an edit, in the current language; they carry the edit
   * id and are looked for after an interruption, so they must not change between versions without
   * keeping the old ones.
   */
  static String marker(Edit edit) {
    return Messages.text(markerKey(edit), edit.id());
  }

  /**
   * The markers of an edit's final message to look for: the current language's first, then the
   * others' (it may have been posted in another: by a person speaking another language who ended
   * the edit, or for an edit stored before languages, in the default of the time).
   */
  static List<String> markers(Edit edit) {
    return inEveryLanguage(markerKey(edit), edit.id());
  }

  private static String markerKey(Edit edit) {
    return edit.state() == EditState.SUCCEEDED ? "delivery.marker.ready" : "delivery.marker.ended";
  }

  /** The sentence {@code key} in every language, the current one first. */
  static List<String> inEveryLanguage(String key, Object... args) {
    List<String> texts = new ArrayList<>();
    texts.add(Messages.text(key, args));
    for (Lang lang : Lang.values()) {
      if (lang != Messages.current()) {
        texts.add(Messages.text(lang, key, args));
      }
    }
    return texts;
  }

  /** The key of an edit's final message: the same each time its delivery is tried again. */
  static String deliveryKey(Edit edit) {
    return "result:" + edit.id();
  }

  /**
   * The message the bot posted in the edit's conversation since {@code since} whose text (or file
   * title) contains one of {@code markers} (tried in turn); empty when there is none or the look-up
   * failed (logged to {@code log} as "could not look for {@code what}", and the caller posts
   * again).
   */
  static Optional<MessageRef> earlierPost(
      ChatPort port, Edit edit, List<String> markers, Instant since, Logger log, String what) {
    try {
      for (String marker : markers) {
        Optional<MessageRef> found = port.findRecent(edit.origin().conversation(), marker, since);
        if (found.isPresent()) {
          return found;
        }
      }
      return Optional.empty();
    } catch (ChatException e) {
      log.warn("Edit {}: could not look for {} ({}); posting it", edit.id(), what, e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * A delivery that was started before and not recorded as done may have posted already (a crash
   * right after the post): asks the platform for the earlier post first, and records the edit as
   * delivered when it is there. Returns whether it was.
   */
  private boolean postedBefore(Edit edit, ChatPort port) {
    Instant since =
        edit.outcome().finishedAt() != null
            ? edit.outcome().finishedAt()
            : edit.outcome().deliveryStartedAt();
    Optional<MessageRef> earlier =
        earlierPost(port, edit, markers(edit), since, LOG, "an earlier post of the result");
    if (earlier.isEmpty()) {
      return false;
    }
    LOG.info(
        "Edit {}: the result was posted before an interruption (message {}); not posting again",
        edit.id(),
        earlier.get().id());
    comparison.post(edit, port);
    Instant at = clock.instant();
    Edit delivered =
        edits.update(
            edit.withOutcome(edit.outcome().delivered(at)),
            at,
            EditEvent.DELIVERED,
            "found the earlier post " + earlier.get().id());
    progress.finish(
        delivered,
        delivered.state() == EditState.SUCCEEDED
            ? TaskTexts.done(delivered, at)
            : TaskTexts.failed(delivered));
    return true;
  }

  /**
   * The edit with its result downloaded; the edit as it is when the download cannot work (too
   * large, not a video), so the link is posted; empty when the download failed in a way that may
   * pass and the retry window (from the end of the task) is still open: the edit is looked at again
   * later, and one progress message says so.
   */
  private Optional<Edit> downloadResult(Edit edit) {
    if (edit.outcome().resultFile() != null
        && Files.isRegularFile(Path.of(edit.outcome().resultFile()))) {
      return Optional.of(edit);
    }
    Path target = files.result(edit.id());
    try {
      downloads.download(edit.outcome().resultUrl(), target, MAX_RESULT_BYTES);
      Instant now = clock.instant();
      return Optional.of(
          edits.update(
              edit.withOutcome(edit.outcome().withResultFile(target.toString())),
              now,
              EditEvent.RESULT_DOWNLOADED,
              null));
    } catch (MediaException e) {
      Instant now = clock.instant();
      Instant since = edit.outcome().finishedAt() != null ? edit.outcome().finishedAt() : now;
      Instant until = since.plus(transientRetryWindow);
      if (mayPass(e) && now.isBefore(until)) {
        Duration waited = Duration.between(since, now);
        Duration wait = waited.dividedBy(2);
        wait = wait.compareTo(TransientRetry.FIRST_WAIT) < 0 ? TransientRetry.FIRST_WAIT : wait;
        wait = wait.compareTo(TransientRetry.MAX_WAIT) > 0 ? TransientRetry.MAX_WAIT : wait;
        Instant next = now.plus(wait).isAfter(until) ? until : now.plus(wait);
        LOG.warn(
            "Edit {}: could not download the result ({}); trying again at {}",
            edit.id(),
            e.getMessage(),
            next);
        Edit waiting =
            edits.update(
                edit.withTask(edit.task().checkAt(next)),
                now,
                EditEvent.KLING_UNAVAILABLE,
                "result download: " + e.getMessage());
        progress.show(waiting, TransientRetry.busy(until, Messages.text("delivery.busy.then")));
        return Optional.empty();
      }
      LOG.warn(
          "Edit {}: could not download the result ({}); posting the link",
          edit.id(),
          e.getMessage());
      return Optional.of(edit);
    }
  }

  /** Whether a failed download of the result may work later (Kling's file server was down). */
  private static boolean mayPass(MediaException e) {
    return switch (e.kind()) {
      case NETWORK, TIMEOUT, INTERRUPTED, HTTP_ERROR -> true;
      default -> false;
    };
  }

  private ChatMessage resultMessage(Edit edit, ChatPort port) {
    String text = Messages.text("delivery.ready", edit.id(), edit.request().summary());
    ChatMessage message = ChatMessage.text(text).mentioning(edit.origin().userId());
    String file = edit.outcome().resultFile();
    if (file != null) {
      Path result = Path.of(file);
      long size = sizeOf(result);
      if (size > 0 && size <= port.uploadLimitBytes(edit.origin().conversation())) {
        return message
            .withFile(
                new ChatFile(
                    result, result.getFileName().toString(), Messages.text("delivery.file.result")))
            .withActions(chainActions(edit));
      }
      text +=
          "\n"
              + Messages.text("delivery.too.large", Texts.bytes(size))
              + "\n"
              + edit.outcome().resultUrl();
      message = ChatMessage.text(text).mentioning(edit.origin().userId());
      try {
        Path still = files.resultStill(edit.id());
        frames.writePng(frames.frame(result, 0), still);
        message =
            message.withFile(
                new ChatFile(still, "preview.png", Messages.text("delivery.file.still")));
      } catch (MediaException e) {
        LOG.debug("No still for edit {}: {}", edit.id(), e.getMessage());
      }
    } else {
      text += "\n" + Messages.text("delivery.download") + "\n" + edit.outcome().resultUrl();
      message = ChatMessage.text(text).mentioning(edit.origin().userId());
    }
    List<ChatAction> actions = new java.util.ArrayList<>(chainActions(edit));
    actions.add(
        ChatAction.link(
            ChatAction.Kind.OPEN_LINK,
            edit.id(),
            Messages.text("delivery.button.open"),
            edit.outcome().resultUrl()));
    return message.withActions(actions);
  }

  /** Every delivered result can be edited further or run again. */
  static List<ChatAction> chainActions(Edit edit) {
    return List.of(
        ChatAction.button(
            ChatAction.Kind.EDIT_RESULT,
            edit.id(),
            Messages.text("delivery.button.edit.result"),
            ChatAction.Style.PRIMARY),
        ChatAction.button(
            ChatAction.Kind.AGAIN,
            edit.id(),
            Messages.text("delivery.button.again"),
            ChatAction.Style.SECONDARY));
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (java.io.IOException e) {
      return -1;
    }
  }
}
