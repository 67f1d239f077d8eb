package dev.klingbot.core.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;

/** Pictures for the image tests, written the way a user's file would be. */
final class TestPictures {
  private TestPictures() {}

  /**
   * A black-and-white PNG of any size, streamed row by row (no picture in memory): a 20000×20000
   * one is about 50 KB on disk and would take gigabytes to decode whole.
   */
  static Path blackPng(Path file, int width, int height) throws IOException {
    try (OutputStream raw = Files.newOutputStream(file);
        DataOutputStream out = new DataOutputStream(raw)) {
      out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
      ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
      DataOutputStream header = new DataOutputStream(ihdr);
      header.writeInt(width);
      header.writeInt(height);
      header.writeByte(1); // bit depth
      header.writeByte(0); // greyscale
      header.writeByte(0);
      header.writeByte(0);
      header.writeByte(0);
      chunk(out, "IHDR", ihdr.toByteArray());
      ByteArrayOutputStream compressed = new ByteArrayOutputStream();
      try (DeflaterOutputStream deflate = new DeflaterOutputStream(compressed)) {
        byte[] row = new byte[1 + (width + 7) / 8];
        for (int y = 0; y < height; y++) {
          deflate.write(row);
        }
      }
      chunk(out, "IDAT", compressed.toByteArray());
      chunk(out, "IEND", new byte[0]);
    }
    return file;
  }

  private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    out.writeInt(data.length);
    out.write(name);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    out.writeInt((int) crc.getValue());
  }

  /** A picture with a red square in the middle on blue, in {@code format} (png, jpeg, gif, bmp). */
  static Path picture(Path file, String format, int width, int height) throws IOException {
    BufferedImage image = filled(width, height, Color.BLUE);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(width / 4, height / 4, width / 2, height / 2);
    g.dispose();
    if (!ImageIO.write(image, format, file.toFile())) {
      throw new IllegalStateException("no writer for " + format);
    }
    return file;
  }

  /** Random colours: a PNG that does not compress (about 3 bytes a pixel). */
  static Path noisePng(Path file, int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(12);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, random.nextInt(0x1000000));
      }
    }
    ImageIO.write(image, "png", file.toFile());
    return file;
  }

  /** An RGB picture of one colour. */
  static BufferedImage filled(int width, int height, Color color) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(color);
    graphics.fillRect(0, 0, width, height);
    graphics.dispose();
    return image;
  }
}
