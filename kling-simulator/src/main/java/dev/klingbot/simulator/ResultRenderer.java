package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import dev.klingbot.simulator.mask.BinaryMask;
import dev.klingbot.simulator.media.FrameReader;
import dev.klingbot.simulator.media.VideoFormat;
import dev.klingbot.simulator.media.VideoInfo;
import dev.klingbot.simulator.media.VideoWriter;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Renders a task's result: an H.264 MP4 of exactly 5 or 10 seconds at the source's size and frame
 * rate (the source loops when shorter), where the tracked region is visibly edited and a "SIMULATED
 * &lt;edit_mode&gt;" caption sits in the top-left corner.
 *
 * <ul>
 *   <li>removal: the region is inpainted from its surroundings (OpenCV), so the element is gone;
 *   <li>swap: the region shows the reference image (or a labelled colour patch);
 *   <li>addition: the reference image(s) are placed, framed, over the region's bounding box.
 * </ul>
 *
 * The region of each frame is the marked element as {@link MaskTracker} followed it through the
 * video. Without marked frames the region is a centred ellipse (removal, swap) or a box in the
 * lower right (addition).
 */
final class ResultRenderer {
  /** What to render. */
  record Job(
      Path source,
      VideoInfo info,
      SortedMap<Integer, BinaryMask> masks,
      String editMode,
      List<ReferenceImage> images,
      int durationSeconds) {
    Job {
      requireNonNull(source, "source is null");
      requireNonNull(info, "info is null");
      requireNonNull(masks, "masks is null");
      requireNonNull(editMode, "editMode is null");
      images = List.copyOf(images);
    }
  }

  private ResultRenderer() {}

  static void render(Job job, Path out) throws IOException {
    VideoInfo info = job.info();
    int width = info.width();
    int height = info.height();
    int frames = (int) Math.round(job.durationSeconds() * info.fps());
    BinaryMask fallback = fallbackRegion(job.editMode(), width, height);
    Optional<MaskTracker.Track> track =
        job.masks().isEmpty()
            ? Optional.empty()
            : Optional.of(MaskTracker.track(job.source(), job.masks()));
    Map<String, BufferedImage> patches = new HashMap<>();
    String caption = "SIMULATED " + job.editMode();
    FrameReader reader = FrameReader.open(job.source());
    try (VideoWriter writer =
        VideoWriter.open(out, VideoFormat.MP4_H264, width, height, info.fps())) {
      int sourceIndex = 0;
      for (int i = 0; i < frames; i++) {
        BufferedImage frame = reader.next();
        if (frame == null) {
          reader.close();
          reader = FrameReader.open(job.source());
          sourceIndex = 0;
          frame = reader.next();
          if (frame == null) {
            throw new IOException("source video has no frames");
          }
        }
        int index = sourceIndex;
        BinaryMask region = track.map(t -> t.mask(index)).orElse(fallback);
        edit(job, frame, region, patches);
        MaskPainter.caption(frame, caption);
        writer.write(frame);
        sourceIndex++;
      }
    } finally {
      reader.close();
    }
  }

  private static void edit(
      Job job, BufferedImage frame, BinaryMask region, Map<String, BufferedImage> patches) {
    int[] bounds = region.bounds();
    if (bounds.length == 0) {
      return;
    }
    int boxWidth = bounds[2] - bounds[0] + 1;
    int boxHeight = bounds[3] - bounds[1] + 1;
    switch (job.editMode()) {
      case "removal" -> MaskPainter.inpaintRegion(frame, region);
      case "swap" -> {
        BufferedImage patch =
            patches.computeIfAbsent(
                boxWidth + "x" + boxHeight, key -> job.images().get(0).patch(boxWidth, boxHeight));
        MaskPainter.paste(frame, region, patch);
      }
      default -> {
        List<ReferenceImage> images = job.images();
        int slot = boxWidth / Math.max(1, images.size());
        for (int i = 0; i < images.size(); i++) {
          ReferenceImage image = images.get(i);
          BufferedImage picture =
              image
                  .image()
                  .orElseGet(
                      () ->
                          MaskPainter.labelledPatch(
                              Math.max(1, slot), boxHeight, image.colour(), image.label()));
          MaskPainter.place(
              frame, picture, bounds[0] + i * slot, bounds[1], slot, boxHeight, image.label());
        }
      }
    }
  }

  private static BinaryMask fallbackRegion(String editMode, int width, int height) {
    if (editMode.equals("addition")) {
      boolean[] box = new boolean[width * height];
      for (int y = height * 11 / 20; y < height * 9 / 10; y++) {
        for (int x = width * 3 / 5; x < width * 9 / 10; x++) {
          box[y * width + x] = true;
        }
      }
      return BinaryMask.of(width, height, box);
    }
    return BinaryMask.ellipse(width, height, width / 2.0, height / 2.0, width * 0.15, height * 0.2);
  }
}
