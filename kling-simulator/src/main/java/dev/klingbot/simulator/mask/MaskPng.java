package dev.klingbot.simulator.mask;

import static java.util.Objects.requireNonNull;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Masks as PNG images: a 1-bit black-and-white PNG of the mask's size, white where the mask is set.
 * Decoding accepts any PNG and treats every non-black pixel as set.
 */
public final class MaskPng {
  private MaskPng() {}

  /** A 1-bit PNG of {@code mask}. */
  public static byte[] encode(BinaryMask mask) {
    requireNonNull(mask, "mask is null");
    int width = mask.width();
    int height = mask.height();
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
    byte[] packed = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    int rowBytes = (width + 7) / 8;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if (mask.at(y * width + x)) {
          packed[y * rowBytes + x / 8] |= (byte) (0x80 >>> (x % 8));
        }
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Reads a PNG mask; every non-black pixel counts as set. */
  public static BinaryMask decode(byte[] png) throws IOException {
    requireNonNull(png, "png is null");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    if (image == null) {
      throw new IOException("not a readable image");
    }
    int width = image.getWidth();
    int height = image.getHeight();
    int[] rgb = image.getRGB(0, 0, width, height, null, 0, width);
    boolean[] pixels = new boolean[width * height];
    for (int i = 0; i < rgb.length; i++) {
      pixels[i] = (rgb[i] & 0xffffff) != 0;
    }
    return BinaryMask.wrap(width, height, pixels);
  }
}
