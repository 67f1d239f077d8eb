package dev.klingbot.core.workflow;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.chat.ChatException;
import dev.klingbot.core.chat.ChatPort;
import dev.klingbot.core.chat.MessageRef;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditEvent;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.media.ChangeFinder;
import dev.klingbot.core.media.FrameExtractor;
import dev.klingbot.core.media.MediaException;
import dev.klingbot.core.media.SideBySide;
import dev.klingbot.core.store.EditStore;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a before-and-after comparison after a result, once: a still of the source and the result
 * side by side at the moment they differ most ({@link ChangeFinder}), and a short side-by-side
 * video when it fits the platform's upload limit (together with the still, as they go in one
 * message). Both are sized down until they fit; what does not fit is left out and not mentioned.
 *
 * <p>It never stands in the way of the result: any failure is logged and recorded as {@link
 * EditEvent#COMPARISON_SKIPPED}, and nothing is thrown. Like the result, the post is announced
 * ({@link EditEvent#COMPARING}) and recorded ({@link EditEvent#COMPARED}) in the edit's event log;
 * after an interruption between the two the thread is searched for the earlier post, so a
 * comparison appears once.
 */
final class Comparison {
  private static final Logger LOG = LoggerFactory.getLogger(Comparison.class);

  /** The still is at most this high (a 4K source is shown at 1080p). */
  static final int STILL_MAX_HEIGHT = 1080;

  /**
   * The video is at most this high: enough to see the change in a chat, and it keeps the encoding
   * (two pictures wide) to a few seconds.
   */
  static final int VIDEO_MAX_HEIGHT = 480;

  /** Smaller sizes tried, in turn, when a still or video is over the upload limit. */
  static final List<Integer> SMALLER_HEIGHTS = List.of(720, 480, 360, 240);

  /** The video's length around the moment of greatest change. */
  static final long VIDEO_MILLIS = 4000;

  /** A clip this short or shorter is shown whole. */
  static final long WHOLE_CLIP_MILLIS = 5500;

  private final EditStore edits;
  private final MediaFiles files;
  private final FrameExtractor frames;
  private final ChangeFinder finder;
  private final SideBySide sides;
  private final Clock clock;

  Comparison(EditStore edits, MediaFiles files, FrameExtractor frames, Clock clock) {
    this.edits = requireNonNull(edits, "edits is null");
    this.files = requireNonNull(files, "files is null");
    this.frames = requireNonNull(frames, "frames is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.finder = new ChangeFinder();
    this.sides = new SideBySide();
  }

  /**
   * Posts the comparison of a succeeded edit whose result was downloaded and posted, unless it was
   * posted or given up before. Never throws.
   */
  void post(Edit edit, ChatPort port) {
    try {
      postOnce(edit, port);
    } catch (RuntimeException e) {
      LOG.warn("Edit {}: no before-and-after comparison: {}", edit.id(), e.toString());
    }
  }

  private void postOnce(Edit edit, ChatPort port) {
    if (edit.state() != EditState.SUCCEEDED
        || edit.outcome().resultFile() == null
        || edit.video().file() == null) {
      return;
    }
    Path result = Path.of(edit.outcome().resultFile());
    Path source = Path.of(edit.video().file());
    if (!Files.isRegularFile(result) || !Files.isRegularFile(source)) {
      return;
    }
    List<EditEvent> done = edits.log().kinds(edit.id());
    if (done.contains(EditEvent.COMPARED) || done.contains(EditEvent.COMPARISON_SKIPPED)) {
      return;
    }
    if (done.contains(EditEvent.COMPARING) && postedBefore(edit, port)) {
      return;
    }
    long limit = port.uploadLimitBytes(edit.origin().conversation());
    Optional<Prepared> prepared;
    long started = System.nanoTime();
    try {
      prepared = prepare(edit, source, result, limit);
    } catch (MediaException e) {
      LOG.warn("Edit {}: the comparison could not be made: {}", edit.id(), e.getMessage());
      record(edit, EditEvent.COMPARISON_SKIPPED, e.getMessage());
      return;
    }
    if (prepared.isEmpty()) {
      LOG.info("Edit {}: the comparison is too large to upload here; not posted", edit.id());
      record(edit, EditEvent.COMPARISON_SKIPPED, "too large to upload");
      return;
    }
    Prepared comparison = prepared.get();
    LOG.info(
        "Edit {}: before and after at {} ms (difference {}), {} video, made in {} ms",
        edit.id(),
        comparison.millis(),
        String.format(java.util.Locale.ROOT, "%.1f", comparison.difference()),
        comparison.video() == null ? "without" : "with",
        (System.nanoTime() - started) / 1_000_000);
    record(edit, EditEvent.COMPARING, null);
    try {
      MessageRef posted =
          port.post(edit.origin().conversation(), ComparisonViews.message(edit, comparison));
      LOG.info("Edit {}: before and after posted as message {}", edit.id(), posted.id());
      record(edit, EditEvent.COMPARED, posted.id());
    } catch (ChatException e) {
      LOG.warn("Edit {}: the comparison could not be posted: {}", edit.id(), e.getMessage());
      record(edit, EditEvent.COMPARISON_SKIPPED, "not posted: " + e.getMessage());
    }
  }

  /** Whether a comparison announced before an interruption is in the conversation already. */
  private boolean postedBefore(Edit edit, ChatPort port) {
    Optional<MessageRef> earlier =
        Delivery.earlierPost(
            port,
            edit,
            ComparisonViews.markers(edit),
            edit.outcome().finishedAt() != null ? edit.outcome().finishedAt() : clock.instant(),
            LOG,
            "an earlier comparison");
    if (earlier.isEmpty()) {
      return false;
    }
    LOG.info(
        "Edit {}: the comparison was posted before an interruption (message {})",
        edit.id(),
        earlier.get().id());
    record(edit, EditEvent.COMPARED, "found the earlier post " + earlier.get().id());
    return true;
  }

  /**
   * What to post: the still at {@code millis} and the side-by-side video of {@code fromMillis} to
   * {@code toMillis} ({@code null} when none fits).
   */
  record Prepared(
      long millis,
      double difference,
      Path still,
      Path video,
      long fromMillis,
      long toMillis,
      boolean wholeClip) {}

  /** The still and video files, each at the largest size that fits; empty when the still won't. */
  private Optional<Prepared> prepare(Edit edit, Path source, Path result, long limit) {
    ChangeFinder.Change change = finder.find(source, result);
    BufferedImage before = frames.frameAt(source, change.millis());
    BufferedImage after = frames.frameAt(result, change.millis());
    Path still = files.comparisonImage(edit.id());
    Path video = files.comparisonVideo(edit.id());
    MediaFiles.deleteQuietly(video);
    boolean stillFits = false;
    for (int height : heights(Math.min(after.getHeight(), STILL_MAX_HEIGHT))) {
      frames.writePng(sides.still(before, after, height), still);
      if (sizeOf(still) <= limit) {
        stillFits = true;
        break;
      }
    }
    if (!stillFits) {
      MediaFiles.deleteQuietly(still);
      return Optional.empty();
    }
    Stretch stretch = Stretch.around(change.millis(), change.sharedMillis());
    long from = stretch.fromMillis();
    long to = stretch.toMillis();
    boolean whole = stretch.wholeClip();
    // both go in one message: the video gets what the still leaves of the limit
    long videoLimit = limit - sizeOf(still);
    Path posted = null;
    try {
      for (int height : heights(Math.min(after.getHeight(), VIDEO_MAX_HEIGHT))) {
        sides.video(source, result, from, to, height, video);
        if (sizeOf(video) <= videoLimit) {
          posted = video;
          break;
        }
      }
    } catch (MediaException e) {
      LOG.warn("Edit {}: no side-by-side video: {}", edit.id(), e.getMessage());
    }
    if (posted == null) {
      MediaFiles.deleteQuietly(video);
    }
    return Optional.of(
        new Prepared(change.millis(), change.difference(), still, posted, from, to, whole));
  }

  /**
   * The part of both videos the side-by-side video shows: the whole clip when it is short, else
   * {@link #VIDEO_MILLIS} around {@code moment}, moved to stay inside the clip.
   */
  record Stretch(long fromMillis, long toMillis, boolean wholeClip) {
    static Stretch around(long moment, long sharedMillis) {
      if (sharedMillis <= WHOLE_CLIP_MILLIS) {
        return new Stretch(0, sharedMillis, true);
      }
      long from = Math.max(0, Math.min(moment - VIDEO_MILLIS / 2, sharedMillis - VIDEO_MILLIS));
      return new Stretch(from, from + VIDEO_MILLIS, false);
    }
  }

  /** {@code largest}, then the smaller standard heights below it. */
  private static List<Integer> heights(int largest) {
    TreeSet<Integer> heights = new TreeSet<>(java.util.Comparator.reverseOrder());
    heights.add(largest);
    SMALLER_HEIGHTS.stream().filter(height -> height < largest).forEach(heights::add);
    return List.copyOf(heights);
  }

  private void record(Edit edit, EditEvent event, String detail) {
    edits.log().record(edit.id(), clock.instant(), event, detail);
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return Long.MAX_VALUE;
    }
  }
}
