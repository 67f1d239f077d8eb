package dev.klingbot.kling;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a task does to the video, and how many reference images it takes: addition 1-2 (the element
 * to add), swap exactly 1 (the new element), removal none.
 */
public enum EditMode {
  ADDITION("addition", 1, 2),
  SWAP("swap", 1, 1),
  REMOVAL("removal", 0, 0);

  private final String wireName;
  private final int minImages;
  private final int maxImages;

  EditMode(String wireName, int minImages, int maxImages) {
    this.wireName = wireName;
    this.minImages = minImages;
    this.maxImages = maxImages;
  }

  /** The {@code edit_mode} value Kling expects. */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** The fewest reference images this mode takes. */
  public int minImages() {
    return minImages;
  }

  /** The most reference images this mode takes. */
  public int maxImages() {
    return maxImages;
  }

  /** Whether {@code count} reference images are right for this mode. */
  public boolean acceptsImageCount(int count) {
    return count >= minImages && count <= maxImages;
  }

  /** The image-count rule in words, e.g. "1 to 2 reference images". */
  public String imageRange() {
    if (maxImages == 0) {
      return "no reference image";
    }
    if (minImages == maxImages) {
      return "exactly " + minImages + " reference image" + (minImages == 1 ? "" : "s");
    }
    return minImages + " to " + maxImages + " reference images";
  }
}
