package dev.klingbot.kling;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A point on a video frame, as fractions of the frame: (0,0) is the top-left corner, (1,1) the
 * bottom-right corner.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Point(double x, double y) {
  public Point {
    checkCoordinate("x", x);
    checkCoordinate("y", y);
  }

  private static void checkCoordinate(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(
          name
              + " is "
              + value
              + "; coordinates are fractions of the frame from 0 to 1 (0,0 is the top-left"
              + " corner)");
    }
  }
}
