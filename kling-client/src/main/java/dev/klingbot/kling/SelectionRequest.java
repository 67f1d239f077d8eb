package dev.klingbot.kling;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The body of add-selection and delete-selection: 1 to 10 points on one frame of a session. A
 * delete must name points exactly as they were added.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SelectionRequest(String sessionId, int frameIndex, List<Point> points) {
  /** The most points one frame may carry. */
  public static final int MAX_POINTS_PER_FRAME = 10;

  public SelectionRequest {
    Validation.requireText(sessionId, "session_id", "pass the sessionId that initSelection gave");
    if (frameIndex < 0) {
      throw new IllegalArgumentException(
          "frame_index is " + frameIndex + "; frames are numbered from 0");
    }
    if (points == null || points.isEmpty()) {
      throw new IllegalArgumentException("points is empty; mark at least one point on the frame");
    }
    for (int i = 0; i < points.size(); i++) {
      if (points.get(i) == null) {
        throw new IllegalArgumentException("points[" + i + "] is null; remove it or set x and y");
      }
    }
    if (points.size() > MAX_POINTS_PER_FRAME) {
      throw new IllegalArgumentException(
          "points has "
              + points.size()
              + " entries; Kling takes at most "
              + MAX_POINTS_PER_FRAME
              + " points per frame, so send fewer");
    }
    points = List.copyOf(points);
  }
}
