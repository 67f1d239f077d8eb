package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.klingbot.simulator.mask.BinaryMask;
import dev.klingbot.simulator.media.FrameReader;
import dev.klingbot.simulator.media.VideoFormat;
import dev.klingbot.simulator.media.VideoInfo;
import dev.klingbot.simulator.media.VideoWriter;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import javax.imageio.ImageIO;

/**
 * Renders preview-selection's three files: the session video with the tracked mask tinted green
 * (MP4, H.264), a PNG cover (the first marked frame, tinted) and a tracking JSON.
 *
 * <p>The tracking JSON (Kling does not document its format) is {@code {"session_id", "width",
 * "height", "fps", "total_frame", "object_ids":[1], "marked_frames":[...],
 * "frames":[{"frame_index", "source_frame_index",
 * "rle_mask_list":[{"object_id":1,"rle_mask":{"size":[h,w],"counts"}}]}]}}, where {@code
 * source_frame_index} is the marked frame whose element the frame's mask follows (see {@link
 * MaskTracker}).
 */
final class PreviewRenderer {
  static final int TINT_RGB = 0x00e676;
  static final double TINT_ALPHA = 0.5;

  /** Where the three files were written. */
  record Output(Path video, Path cover, Path tracking) {}

  private PreviewRenderer() {}

  static Output render(
      String sessionId,
      Path source,
      VideoInfo info,
      SortedMap<Integer, BinaryMask> masks,
      Path directory)
      throws IOException {
    requireNonNull(sessionId, "sessionId is null");
    if (masks.isEmpty()) {
      throw new IllegalArgumentException("no marked frame");
    }
    Files.createDirectories(directory);
    Path video = directory.resolve("preview.mp4");
    Path cover = directory.resolve("cover.png");
    Path tracking = directory.resolve("tracking.json");

    MaskTracker.Track track = MaskTracker.track(source, masks);
    ArrayNode frames = Json.MAPPER.createArrayNode();
    int coverFrame = masks.firstKey();
    BufferedImage coverImage = null;
    int index = 0;
    try (FrameReader reader = FrameReader.open(source);
        VideoWriter writer =
            VideoWriter.open(
                video, VideoFormat.MP4_H264, info.width(), info.height(), info.fps())) {
      BufferedImage frame;
      while ((frame = reader.next()) != null) {
        BinaryMask mask = track.mask(index);
        MaskPainter.tint(frame, mask, TINT_RGB, TINT_ALPHA);
        writer.write(frame);
        if (index == coverFrame || (coverImage == null && index > coverFrame)) {
          coverImage = frame;
        }
        ObjectNode entry = frames.addObject();
        entry.put("frame_index", index);
        entry.put("source_frame_index", track.sourceFrame(index));
        entry.putArray("rle_mask_list").add(SelectionMasks.entry(mask, false));
        index++;
      }
    }
    if (coverImage == null) {
      coverImage = FrameReader.readFrame(source, Math.max(0, index - 1));
      MaskPainter.tint(coverImage, track.mask(coverFrame), TINT_RGB, TINT_ALPHA);
    }
    ImageIO.write(coverImage, "png", cover.toFile());

    ObjectNode json = Json.object();
    json.put("session_id", sessionId);
    json.put("width", info.width());
    json.put("height", info.height());
    json.put("fps", info.fps());
    json.put("total_frame", index);
    json.putArray("object_ids").add(SelectionMasks.OBJECT_ID);
    ArrayNode marked = json.putArray("marked_frames");
    masks.keySet().forEach(marked::add);
    json.set("frames", frames);
    Files.write(tracking, Json.bytes(json));
    return new Output(video, cover, tracking);
  }
}
