package dev.klingbot.core.instruction;

/** Notices about attached images that won't go to Kling. */
final class ImageNotices {
  private ImageNotices() {}

  static String removalLeftOut(int attached) {
    return "Removal uses no reference image, so the "
        + (attached == 1 ? "1 image you attached was" : attached + " images you attached were")
        + " left out.";
  }

  static String notNamedLeftOut(int named, int attached) {
    return "Your prompt names only <<<image_"
        + named
        + ">>>, so the other "
        + (attached - named == 1 ? "image was" : (attached - named) + " images were")
        + " left out.";
  }
}
