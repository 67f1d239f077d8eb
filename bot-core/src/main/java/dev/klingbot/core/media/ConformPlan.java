package dev.klingbot.core.media;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How {@link VideoConformer} turns a video into one Kling accepts.
 *
 * @param container the output container; always {@code "mp4"}
 * @param reencode whether the pictures are decoded and encoded again as H.264; when false the H.264
 *     stream is copied into the new container as it is (remux)
 * @param targetFps new frame rate, or null to keep it
 * @param targetWidth new width, or null to keep the size
 * @param targetHeight new height, or null to keep the size
 * @param trimToMillis keep only this many milliseconds from the start, or null to keep all
 * @param changes one line per change for people, like {@code "frame rate 25 → 24 fps"}
 * @param rotation clockwise degrees (0, 90, 180, 270) to turn the pictures so they stand upright;
 *     target sizes are the sizes after turning
 */
public record ConformPlan(
    String container,
    boolean reencode,
    Double targetFps,
    Integer targetWidth,
    Integer targetHeight,
    Long trimToMillis,
    List<String> changes,
    int rotation) {

  public ConformPlan {
    if (rotation % 90 != 0 || rotation < 0 || rotation >= 360) {
      throw new IllegalArgumentException("rotation is " + rotation + "; use 0, 90, 180 or 270");
    }
    if (!reencode && rotation != 0) {
      throw new IllegalArgumentException("turning the pictures needs reencode = true");
    }
    requireNonNull(container, "container is null");
    changes = List.copyOf(requireNonNull(changes, "changes is null"));
    if ((targetWidth == null) != (targetHeight == null)) {
      throw new IllegalArgumentException("give both targetWidth and targetHeight, or neither");
    }
    if (targetWidth != null && (targetWidth < 2 || targetHeight < 2)) {
      throw new IllegalArgumentException(
          "target size " + targetWidth + "x" + targetHeight + " is too small");
    }
    if (targetFps != null && !(targetFps > 0)) {
      throw new IllegalArgumentException("targetFps is " + targetFps + "; it must be above 0");
    }
    if (trimToMillis != null && trimToMillis <= 0) {
      throw new IllegalArgumentException(
          "trimToMillis is " + trimToMillis + "; it must be above 0");
    }
    if (!reencode && (targetFps != null || targetWidth != null || trimToMillis != null)) {
      throw new IllegalArgumentException(
          "changing the frame rate, size or length needs reencode = true");
    }
  }

  /** A plan that only copies the H.264 stream into an MP4 file. */
  public static ConformPlan remuxToMp4(List<String> changes) {
    return new ConformPlan("mp4", false, null, null, null, null, changes, 0);
  }

  /** Whether the size changes. */
  public boolean scales() {
    return targetWidth != null;
  }
}
