package dev.klingbot.core.workflow;

import dev.klingbot.core.media.GridCell;
import dev.klingbot.kling.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Points as people type them: grid cells ({@code C4 D4}), fractions of the frame ({@code
 * 0.42,0.55}), optionally with a frame ({@code frame:12}, {@code frame 12}).
 *
 * @param frameIndex the frame the points are on, or {@code null} when not given
 * @param labels how each point was typed, for messages
 */
public record SelectionInput(Integer frameIndex, List<Point> points, List<String> labels) {
  private static final Pattern FRAME =
      Pattern.compile(
          "(?:^|\\s)(?:--)?(?:frame|f)\\s*[:=]?\\s*(\\d+)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern COORDINATE =
      Pattern.compile("\\(?\\s*(\\d*\\.?\\d+)\\s*[,;]\\s*(\\d*\\.?\\d+)\\s*\\)?");

  public SelectionInput {
    points = List.copyOf(points);
    labels = List.copyOf(labels);
  }

  /**
   * Parses the text after {@code select}.
   *
   * @throws EditException with an example when nothing usable is found
   */
  public static SelectionInput parse(String text) {
    String rest = text == null ? "" : text.strip();
    Integer frame = null;
    Matcher frameMatcher = FRAME.matcher(rest);
    if (frameMatcher.find()) {
      frame = Integer.parseInt(frameMatcher.group(1));
      rest =
          (rest.substring(0, frameMatcher.start()) + " " + rest.substring(frameMatcher.end()))
              .strip();
    }
    List<Point> points = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    Matcher coordinates = COORDINATE.matcher(rest);
    StringBuilder leftover = new StringBuilder();
    int last = 0;
    while (coordinates.find()) {
      leftover.append(rest, last, coordinates.start()).append(' ');
      last = coordinates.end();
      double x = Double.parseDouble(coordinates.group(1));
      double y = Double.parseDouble(coordinates.group(2));
      if (x > 1 || y > 1) {
        throw new EditException(
            EditException.Kind.SELECTION,
            "“"
                + coordinates.group().strip()
                + "” is outside the frame: coordinates are fractions from 0 to 1, with 0,0 at the top left. Example: `select 0.42,0.55`.");
      }
      points.add(new Point(x, y));
      labels.add(String.format(Locale.ROOT, "%.2f,%.2f", x, y));
    }
    leftover.append(rest.substring(last));
    for (String token : leftover.toString().split("[\\s,;]+")) {
      if (token.isBlank()) {
        continue;
      }
      try {
        GridCell cell = GridCell.parse(token);
        points.add(new Point(cell.x(), cell.y()));
        labels.add(cell.label());
      } catch (IllegalArgumentException e) {
        throw new EditException(EditException.Kind.SELECTION, e.getMessage());
      }
    }
    if (points.isEmpty()) {
      throw new EditException(
          EditException.Kind.SELECTION,
          "Say which part of the frame to mark: grid cells like `C4 D4` (columns A–J, rows 1–10), or fractions like `0.42,0.55`. Add `frame:12` to mark another frame.");
    }
    return new SelectionInput(frame, points, labels);
  }
}
