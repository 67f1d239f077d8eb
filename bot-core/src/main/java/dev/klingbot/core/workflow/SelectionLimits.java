package dev.klingbot.core.workflow;

import dev.klingbot.kling.Point;
import java.util.List;
import java.util.Map;

/**
 * Kling's limits on a selection, owned here and nowhere else in the bot: at most {@value
 * #MAX_POINTS_PER_FRAME} points on a frame and {@value #MAX_FRAMES} marked frames per session. The
 * SDK keeps no session state, so these checks run against the selection the bot stored, before
 * anything is sent to Kling.
 */
final class SelectionLimits {
  static final int MAX_POINTS_PER_FRAME = 10;
  static final int MAX_FRAMES = 10;

  private SelectionLimits() {}

  /**
   * Checks adding {@code fresh} points (none of them marked yet) to {@code frame}.
   *
   * @param marked every marked point of the edit, by frame
   * @throws EditException saying which limit the points break and what to do
   */
  static void checkAdd(Map<Integer, List<Point>> marked, int frame, List<Point> fresh) {
    List<Point> onFrame = marked.getOrDefault(frame, List.of());
    if (onFrame.size() + fresh.size() > MAX_POINTS_PER_FRAME) {
      throw new EditException(
          EditException.Kind.SELECTION,
          SelectionViews.tooManyPoints(frame, onFrame.size(), fresh.size(), MAX_POINTS_PER_FRAME));
    }
    if (onFrame.isEmpty() && marked.size() >= MAX_FRAMES) {
      throw new EditException(
          EditException.Kind.SELECTION, SelectionViews.tooManyFrames(marked.keySet(), MAX_FRAMES));
    }
  }
}
