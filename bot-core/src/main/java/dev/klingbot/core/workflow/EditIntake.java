package dev.klingbot.core.workflow;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.Platform;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditEvent;
import dev.klingbot.core.edit.EditImage;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.media.Downloads;
import dev.klingbot.core.media.MediaException;
import dev.klingbot.core.media.ReferenceImages;
import dev.klingbot.core.relay.MediaStore;
import dev.klingbot.core.relay.MediaStoreException;
import dev.klingbot.core.store.EditStore;
import dev.klingbot.kling.KlingClient;
import dev.klingbot.kling.KlingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the user's media in (downloaded or copied, size-capped, into the edit's folder), makes it
 * reachable for Kling (relay URL, the original link, or Base64 for images) and opens the Kling
 * selection session.
 */
public final class EditIntake {
  private static final Logger LOG = LoggerFactory.getLogger(EditIntake.class);

  private final Downloads downloads;
  private final MediaFiles files;
  private final MediaStore relay;
  private final KlingClient kling;
  private final EditStore edits;
  private final WorkflowSettings settings;
  private final Clock clock;
  private final ReferenceImages referenceImages;
  private final SessionOpener sessions;

  public EditIntake(
      Downloads downloads,
      MediaFiles files,
      MediaStore relay,
      KlingClient kling,
      EditStore edits,
      WorkflowSettings settings,
      Clock clock) {
    this.downloads = requireNonNull(downloads, "downloads is null");
    this.files = requireNonNull(files, "files is null");
    this.relay = requireNonNull(relay, "relay is null");
    this.kling = requireNonNull(kling, "kling is null");
    this.edits = requireNonNull(edits, "edits is null");
    this.settings = requireNonNull(settings, "settings is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.referenceImages = new ReferenceImages(settings.maxImageBytes());
    this.sessions =
        new SessionOpener(
            kling,
            edits,
            new TransientRetry(edits, settings.jobs().transientRetryWindow(), clock),
            settings,
            clock);
  }

  /** Copies the video into the edit's folder; refuses files over the size limit fast. */
  Path fetchVideo(String editId, MediaSource source) {
    String extension = MediaFiles.extension(source.displayName(), "mp4");
    Path target = files.source(editId, extension);
    fetch(source, target, settings.maxVideoBytes(), "video");
    return target;
  }

  /** Reference images as they go to Kling, and what was changed to make them fit its rules. */
  record FetchedImages(List<EditImage> images, List<String> notices) {
    FetchedImages {
      images = List.copyOf(images);
      notices = List.copyOf(notices);
    }
  }

  /**
   * Copies reference images and checks each against Kling's rules from its header (before any pixel
   * is decoded); what can be fixed is fixed in the copy sent to Kling, with a notice for the plan
   * (see {@link ReferenceImages}).
   */
  FetchedImages fetchImages(String editId, List<MediaSource> sources) {
    List<EditImage> images = new ArrayList<>();
    List<String> notices = new ArrayList<>();
    int position = 0;
    for (MediaSource source : sources) {
      position++;
      String extension = MediaFiles.extension(source.displayName(), "png");
      Path target = files.image(editId, position, extension);
      fetch(source, target, settings.maxImageBytes(), "image " + position);
      ReferenceImages.Prepared prepared;
      try {
        prepared = referenceImages.prepare(target);
      } catch (MediaException e) {
        throw new EditException(
            EditException.Kind.IMAGE,
            Messages.text(
                "edit.image.problem",
                String.valueOf(position),
                Texts.clip(source.displayName(), 60),
                e.getMessage()),
            e);
      }
      Path usable = prepared.file();
      if (prepared.changed()) {
        MediaFiles.deleteQuietly(target);
        notices.add(
            Messages.text(
                "edit.image.fixed",
                String.valueOf(position),
                String.join(" · ", prepared.changes())));
      }
      String url = storedUrl(usable, "image " + position).orElse(null);
      images.add(
          new EditImage(position, Texts.clip(source.displayName(), 200), usable.toString(), url));
    }
    return new FetchedImages(images, notices);
  }

  private void fetch(MediaSource source, Path target, long maxBytes, String what) {
    try {
      if (source instanceof MediaSource.Url url) {
        downloads.download(url.url(), target, maxBytes);
      } else if (source instanceof MediaSource.File file) {
        if (!Files.isRegularFile(file.path())) {
          throw new EditException(
              what.equals("video") ? EditException.Kind.VIDEO : EditException.Kind.IMAGE,
              Messages.text("edit.fetch.missing", shown(what, false), file.name()));
        }
        downloads.copy(file.path(), target, maxBytes);
      } else {
        throw new EditException(
            EditException.Kind.IMAGE,
            Messages.text(
                "edit.fetch.not.media", shown(what, false), Texts.clip(source.displayName(), 40)));
      }
    } catch (MediaException e) {
      throw new EditException(
          what.equals("video") ? EditException.Kind.VIDEO : EditException.Kind.IMAGE,
          Messages.text(
              "edit.fetch.failed",
              shown(what, true),
              Texts.clip(source.displayName(), 80),
              e.getMessage()),
          e);
    }
  }

  /**
   * The URL Kling downloads the video from: the relay when a public base URL is configured (it
   * works for every source and outlives platform links), else the user's own link.
   */
  String videoUrl(Path file, MediaSource original, boolean conformed, Platform platform) {
    var relayed = storedUrl(file, "video");
    if (relayed.isPresent()) {
      return relayed.get();
    }
    if (!conformed && original instanceof MediaSource.Url url) {
      return url.url();
    }
    boolean linkHelps = !conformed && (platform == Platform.CONSOLE || platform == Platform.CLI);
    throw new EditException(
        EditException.Kind.CONFIGURATION,
        Messages.text(linkHelps ? "edit.relay.missing.link" : "edit.relay.missing"));
  }

  WorkflowSettings settings() {
    return settings;
  }

  /**
   * The media store's URL for a file; a bucket that refuses or cannot be reached becomes a sentence
   * for the user, and the admin's details (which bucket, which setting) go to the log.
   */
  private Optional<String> storedUrl(Path file, String what) {
    try {
      return relay.urlFor(file);
    } catch (MediaStoreException e) {
      LOG.warn("Could not hand the {} {} to Kling: {}", what, file.getFileName(), e.getMessage());
      throw new EditException(
          EditException.Kind.CONFIGURATION,
          Messages.text("edit.relay.refused", shown(what, false)));
    }
  }

  /** Whether local files can be handed to Kling (a public base URL is configured). */
  boolean canRelay() {
    return relay.available();
  }

  /**
   * Calls init-selection and stores the session; the edit moves to {@code selecting}. When Kling is
   * busy or down the edit stays {@code created} and the job runner tries again ({@link
   * SessionOpener}); a refusal ends the edit and is thrown as the user's sentence.
   */
  SessionOpener.Opened openSession(Edit edit, String videoUrl) {
    try {
      return sessions.open(edit, videoUrl);
    } catch (KlingException e) {
      LOG.info("Edit {}: init-selection refused: {}", edit.id(), e.getMessage());
      String reason = KlingMessages.describe(e);
      failNow(edits.find(edit.id()).orElse(edit), reason, EditEvent.INIT_REFUSED, e.getMessage());
      throw new EditException(EditException.Kind.KLING, reason, e);
    }
  }

  /**
   * Opens the session from the Kling {@code video_id} of the edit's source. When Kling refuses the
   * id (older than its 30 days, or unknown) the edit goes on from {@code fallback}, the stored
   * result file, relayed like any upload; without one it ends with {@code tooOld} as the user's
   * sentence.
   */
  SessionOpener.Opened openFromVideoId(Edit edit, Path fallback, Platform platform, String tooOld) {
    try {
      return sessions.open(edit, null);
    } catch (KlingException e) {
      if (!refusedVideo(e)) {
        LOG.info("Edit {}: init-selection refused: {}", edit.id(), e.getMessage());
        String reason = KlingMessages.describe(e);
        failNow(edits.find(edit.id()).orElse(edit), reason, EditEvent.INIT_REFUSED, e.getMessage());
        throw new EditException(EditException.Kind.KLING, reason, e);
      }
      Edit current = edits.find(edit.id()).orElse(edit);
      if (fallback == null || !Files.isRegularFile(fallback)) {
        LOG.info("Edit {}: Kling refused the video id and no result file is kept", edit.id());
        failNow(current, tooOld, EditEvent.VIDEO_ID_REFUSED, e.getMessage());
        throw new EditException(EditException.Kind.VIDEO, tooOld, e);
      }
      LOG.info(
          "Edit {}: Kling refused video id {} ({}); using the stored result file",
          edit.id(),
          edit.video().klingVideoId(),
          e.getMessage());
      Edit fromFile =
          edits.update(
              current.withVideo(current.video().withKlingVideoId(null)),
              clock.instant(),
              EditEvent.VIDEO_ID_REFUSED,
              e.getMessage());
      return openSession(
          fromFile, videoUrl(fallback, MediaSource.File.of(fallback), true, platform));
    }
  }

  /** Whether Kling refused the video itself (an unknown or expired {@code video_id}). */
  static boolean refusedVideo(KlingException e) {
    return switch (e.errorCode()) {
      case VIDEO_REJECTED, INVALID_PARAMETER, INVALID_REQUEST, RESOURCE_NOT_FOUND -> true;
      default -> false;
    };
  }

  /** A signed relay URL for a file under the media folder, when a public base URL is set. */
  java.util.Optional<String> relayUrl(Path file) {
    return relay.urlFor(file);
  }

  /** Copies a stored file (an earlier edit's video or image) into a new edit's folder. */
  Path copyInto(Path stored, Path target, long maxBytes, String what) {
    fetch(MediaSource.File.of(stored), target, maxBytes, what);
    return target;
  }

  /**
   * Ends an edit that failed while the user waited: the reply tells them, so nothing is posted
   * later.
   */
  void failNow(Edit edit, String reason, EditEvent event, String detail) {
    Instant now = clock.instant();
    edits.update(
        edit.withState(EditState.FAILED)
            .withOutcome(edit.outcome().failed(reason, now).delivered(now)),
        now,
        event,
        detail);
  }

  /** Removes an edit's folder after a refused start (nothing was stored). */
  void discard(String editId) {
    Path dir = files.root().resolve(editId);
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      LOG.debug("Could not remove {}: {}", dir, e.getMessage());
    }
  }

  /**
   * The words for a medium named {@code video} or {@code image 2} (as the log says it) in the
   * current language, at the start of a sentence or inside one.
   */
  private static String shown(String what, boolean start) {
    if (what.startsWith("image ")) {
      return Messages.text(
          start ? "edit.media.image.start" : "edit.media.image", what.substring("image ".length()));
    }
    return Messages.text(start ? "edit.media.video.start" : "edit.media.video");
  }
}
