package dev.klingbot.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.klingbot.simulator.mask.BinaryMask;
import dev.klingbot.simulator.mask.CocoRle;
import dev.klingbot.simulator.mask.MaskPng;
import dev.klingbot.simulator.mask.RegionGrower;
import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Masks from selection points, their JSON form, and which marked frame a frame's tracked mask
 * follows: the nearest one (the earlier one on a tie; see {@link MaskTracker}).
 */
final class SelectionMasks {
  /** The simulator segments one object per session. */
  static final int OBJECT_ID = 1;

  private SelectionMasks() {}

  /** The union of the regions grown from each point (see {@link RegionGrower}). */
  static BinaryMask mask(BufferedImage frame, List<SelectionPoint> points) {
    int width = frame.getWidth();
    int height = frame.getHeight();
    int[] rgb = frame.getRGB(0, 0, width, height, null, 0, width);
    BinaryMask mask = BinaryMask.empty(width, height);
    for (SelectionPoint point : points) {
      mask = mask.union(RegionGrower.grow(rgb, width, height, point.x(), point.y()));
    }
    return mask;
  }

  /** The marked frame nearest to {@code frameIndex}, the earlier one on a tie. */
  static Optional<Integer> nearestFrame(SortedMap<Integer, BinaryMask> masks, int frameIndex) {
    if (masks.isEmpty()) {
      return Optional.empty();
    }
    SortedMap<Integer, BinaryMask> before = masks.headMap(frameIndex + 1);
    SortedMap<Integer, BinaryMask> after = masks.tailMap(frameIndex + 1);
    if (before.isEmpty()) {
      return Optional.of(after.firstKey());
    }
    if (after.isEmpty()) {
      return Optional.of(before.lastKey());
    }
    int previous = before.lastKey();
    int next = after.firstKey();
    return Optional.of(frameIndex - previous <= next - frameIndex ? previous : next);
  }

  /** {@code [{"object_id":1,"rle_mask":{...},"png_mask":{...}}]}, or {@code []}. */
  static ArrayNode maskList(Optional<BinaryMask> mask) {
    ArrayNode list = Json.MAPPER.createArrayNode();
    mask.ifPresent(present -> list.add(entry(present, true)));
    return list;
  }

  /** One {@code rle_mask_list} entry; {@code withPng} adds {@code png_mask}. */
  static ObjectNode entry(BinaryMask mask, boolean withPng) {
    ObjectNode entry = Json.object();
    entry.put("object_id", OBJECT_ID);
    ObjectNode rle = entry.putObject("rle_mask");
    rle.putArray("size").add(mask.height()).add(mask.width());
    rle.put("counts", CocoRle.encode(mask));
    if (withPng) {
      ObjectNode png = entry.putObject("png_mask");
      png.putArray("size").add(mask.height()).add(mask.width());
      png.put("base64", Base64.getEncoder().encodeToString(MaskPng.encode(mask)));
    }
    return entry;
  }
}
