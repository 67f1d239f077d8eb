package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import dev.klingbot.simulator.mask.BinaryMask;
import dev.klingbot.simulator.media.FrameReader;
import dev.klingbot.simulator.media.VideoInfo;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One init-selection session: the video and its marked points and masks per frame. Every method
 * locks the session, so selection calls on one session run one at a time.
 */
final class Session {
  static final int MAX_POINTS_PER_FRAME = 10;
  static final int MAX_MARKED_FRAMES = 10;

  private final String id;
  private final Instant createdAt;
  private final Instant expiresAt;
  private final Path video;
  private final String videoName;
  private final VideoInfo info;
  private final Consumer<Session> changed;
  private final TreeMap<Integer, List<SelectionPoint>> points = new TreeMap<>();
  private final Map<Integer, BinaryMask> masks = new HashMap<>();
  private final Map<Integer, BufferedImage> frames = new HashMap<>();
  private long version;
  private Preview preview;

  /** Rendered preview URLs and the selection version they show. */
  record Preview(long version, String videoUrl, String coverUrl, String trackingUrl) {}

  /**
   * What a state directory keeps of a session.
   *
   * @param videoName the name the video is served under in {@link MediaFiles}
   */
  record Saved(
      String id,
      Instant createdAt,
      Instant expiresAt,
      Path video,
      String videoName,
      Map<Integer, List<SelectionPoint>> points,
      Map<Integer, BinaryMask> masks) {}

  /**
   * @param changed called, holding the session's lock, after every change of the selection
   */
  Session(
      String id,
      Instant createdAt,
      Instant expiresAt,
      Path video,
      String videoName,
      VideoInfo info,
      Consumer<Session> changed) {
    this.id = requireNonNull(id, "id is null");
    this.createdAt = requireNonNull(createdAt, "createdAt is null");
    this.expiresAt = requireNonNull(expiresAt, "expiresAt is null");
    this.video = requireNonNull(video, "video is null");
    this.videoName = requireNonNull(videoName, "videoName is null");
    this.info = requireNonNull(info, "info is null");
    this.changed = requireNonNull(changed, "changed is null");
  }

  /** A session as a state directory kept it, with its points and masks. */
  static Session restore(Saved saved, VideoInfo info, Consumer<Session> changed) {
    Session session =
        new Session(
            saved.id(),
            saved.createdAt(),
            saved.expiresAt(),
            saved.video(),
            saved.videoName(),
            info,
            changed);
    for (Map.Entry<Integer, List<SelectionPoint>> entry : saved.points().entrySet()) {
      BinaryMask mask = saved.masks().get(entry.getKey());
      if (mask != null) {
        session.points.put(entry.getKey(), List.copyOf(entry.getValue()));
        session.masks.put(entry.getKey(), mask);
      }
    }
    return session;
  }

  synchronized Saved saved() {
    return new Saved(
        id, createdAt, expiresAt, video, videoName, new TreeMap<>(points), new TreeMap<>(masks));
  }

  Instant createdAt() {
    return createdAt;
  }

  String id() {
    return id;
  }

  Path video() {
    return video;
  }

  VideoInfo info() {
    return info;
  }

  boolean expired(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** Adds points to a frame and returns the frame's new mask. */
  synchronized BinaryMask add(int frameIndex, List<SelectionPoint> added) throws IOException {
    List<SelectionPoint> current = points.getOrDefault(frameIndex, List.of());
    if (current.isEmpty() && points.size() >= MAX_MARKED_FRAMES) {
      throw Fields.invalid(
          "at most "
              + MAX_MARKED_FRAMES
              + " frames can be marked per session; frames "
              + points.keySet()
              + " are marked already");
    }
    if (current.size() + added.size() > MAX_POINTS_PER_FRAME) {
      throw Fields.invalid(
          "at most "
              + MAX_POINTS_PER_FRAME
              + " points per frame: frame "
              + frameIndex
              + " has "
              + current.size()
              + " and "
              + added.size()
              + " were added");
    }
    List<SelectionPoint> updated = new ArrayList<>(current);
    updated.addAll(added);
    return store(frameIndex, updated);
  }

  /**
   * Removes points that must match earlier added points of the frame exactly; returns the frame's
   * new mask, or empty when no point remains.
   */
  synchronized Optional<BinaryMask> delete(int frameIndex, List<SelectionPoint> removed)
      throws IOException {
    List<SelectionPoint> updated = new ArrayList<>(points.getOrDefault(frameIndex, List.of()));
    for (SelectionPoint point : removed) {
      if (!updated.remove(point)) {
        throw Fields.invalid(
            "point not found: (" + point.x() + ", " + point.y() + ") on frame " + frameIndex);
      }
    }
    if (updated.isEmpty()) {
      points.remove(frameIndex);
      masks.remove(frameIndex);
      frames.remove(frameIndex);
      version++;
      changed.accept(this);
      return Optional.empty();
    }
    return Optional.of(store(frameIndex, updated));
  }

  /** Forgets the cached decoded frames (they are decoded again when needed). */
  synchronized void dropFrames() {
    frames.clear();
  }

  synchronized void clear() {
    points.clear();
    masks.clear();
    frames.clear();
    version++;
    changed.accept(this);
  }

  private BinaryMask store(int frameIndex, List<SelectionPoint> framePoints) throws IOException {
    BinaryMask mask = SelectionMasks.mask(frame(frameIndex), framePoints);
    points.put(frameIndex, List.copyOf(framePoints));
    masks.put(frameIndex, mask);
    version++;
    changed.accept(this);
    return mask;
  }

  /** The decoded frame, cached while the frame is marked. */
  synchronized BufferedImage frame(int frameIndex) throws IOException {
    BufferedImage frame = frames.get(frameIndex);
    if (frame == null) {
      frame = FrameReader.readFrame(video, frameIndex);
      frames.put(frameIndex, frame);
    }
    return frame;
  }

  /** The mask of every marked frame. */
  synchronized SortedMap<Integer, BinaryMask> masks() {
    return new TreeMap<>(masks);
  }

  synchronized long version() {
    return version;
  }

  synchronized Optional<Preview> preview() {
    return preview != null && preview.version() == version
        ? Optional.of(preview)
        : Optional.empty();
  }

  synchronized void preview(Preview rendered) {
    this.preview = requireNonNull(rendered, "rendered is null");
  }

  synchronized SessionSnapshot snapshot() {
    Map<Integer, List<SelectionPoint>> copy = new LinkedHashMap<>(points);
    return new SessionSnapshot(
        id, createdAt, expiresAt, info.width(), info.height(), info.fps(), info.frameCount(), copy);
  }
}
