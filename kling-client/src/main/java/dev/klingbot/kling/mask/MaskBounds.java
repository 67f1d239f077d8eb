package dev.klingbot.kling.mask;

/** The smallest rectangle holding every set pixel: left, top, width and height in pixels. */
public record MaskBounds(int x, int y, int width, int height) {
  public MaskBounds {
    if (x < 0 || y < 0 || width < 1 || height < 1) {
      throw new IllegalArgumentException(
          "bounds " + x + "," + y + " " + width + "x" + height + " are empty or negative");
    }
  }
}
