package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * One {@code image_list} entry after fetching or base64-decoding it.
 *
 * @param label {@code image_1} or {@code image_2}, as prompts name them
 * @param image the decoded picture; empty when Java cannot decode the format (e.g. WebP): the
 *     renderer then paints a flat patch in {@link #colour()}
 * @param colour a colour derived from the bytes
 * @param bytes the image as received, kept for a state directory
 */
record ReferenceImage(String label, Optional<BufferedImage> image, int colour, byte[] bytes) {
  ReferenceImage {
    requireNonNull(label, "label is null");
    requireNonNull(image, "image is null");
    requireNonNull(bytes, "bytes is null");
  }

  static ReferenceImage of(String label, byte[] bytes) {
    BufferedImage decoded = null;
    try {
      decoded = ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      // undecodable: painted as a flat patch
    }
    int hash = Arrays.hashCode(bytes);
    int colour = Color.HSBtoRGB((hash & 0xffff) / 65535f, 0.75f, 0.9f) & 0xffffff;
    return new ReferenceImage(label, Optional.ofNullable(decoded), colour, bytes);
  }

  /** The picture, or a labelled patch of its colour, as {@code width × height}. */
  BufferedImage patch(int width, int height) {
    return image
        .map(picture -> MaskPainter.scaled(picture, width, height))
        .orElseGet(() -> MaskPainter.labelledPatch(width, height, colour, label));
  }
}
