package dev.klingbot.core.workflow;

import dev.klingbot.kling.Point;
import dev.klingbot.kling.mask.MaskBitmap;
import java.util.List;
import java.util.Map;

/** An edit's marked points and Kling's decoded masks, by frame. */
public record SelectionState(
    String editId, Map<Integer, List<Point>> points, Map<Integer, List<MaskBitmap>> masks) {

  public SelectionState {
    points = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(points));
    masks = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(masks));
  }
}
