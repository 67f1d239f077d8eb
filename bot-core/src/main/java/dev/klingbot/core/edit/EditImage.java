package dev.klingbot.core.edit;

import static java.util.Objects.requireNonNull;

/**
 * A reference image, in the order the user attached it ({@code position} 1 is {@code
 * <<<image_1>>>}).
 *
 * @param source what the user gave, for display
 * @param file the local copy (sent to Kling as Base64 when no URL is usable)
 * @param url a URL Kling can fetch, when there is one
 */
public record EditImage(int position, String source, String file, String url) {

  public EditImage {
    requireNonNull(source, "source is null");
    if (position < 1 || position > 2) {
      throw new IllegalArgumentException("position must be 1 or 2");
    }
  }
}
