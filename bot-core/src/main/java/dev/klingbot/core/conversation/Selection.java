package dev.klingbot.core.conversation;

import dev.klingbot.kling.Point;
import java.util.List;

/**
 * Points on one frame, as a person gave them.
 *
 * @param frame the frame the points are on ({@code 0} unless named)
 * @param points fractions of the frame, {@code 0,0} at the top left
 * @param labels how each point was given ({@code C4}, {@code 0.42,0.55}), for messages
 */
public record Selection(int frame, List<Point> points, List<String> labels) {
  public Selection {
    points = List.copyOf(points);
    labels = List.copyOf(labels);
    if (frame < 0) {
      throw new IllegalArgumentException("frame is negative");
    }
    if (points.size() != labels.size()) {
      throw new IllegalArgumentException("a label for every point");
    }
  }

  /** The points as people type them, e.g. {@code C4 D4}, then {@code frame:3} unless frame 0. */
  public String typed() {
    return String.join(" ", labels) + (frame == 0 ? "" : " frame:" + frame);
  }

  /** One point, labelled by its coordinates (a click on the selection page). */
  public static Selection click(int frame, Point point) {
    return new Selection(frame, List.of(point), List.of(CommandGrammar.label(point)));
  }
}
