package dev.klingbot.core.media;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.i18n.Messages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * What a picture file declares about itself, read from its header without decoding the pixels: a 1
 * MB PNG can declare 20000×20000 pixels, which would take gigabytes to decode.
 *
 * @param format the reader's format name in lower case ({@code png}, {@code jpeg}, {@code gif},
 *     {@code bmp}, {@code tiff}, ...)
 */
public record ImageHeader(String format, int width, int height) {

  public ImageHeader {
    requireNonNull(format, "format is null");
  }

  /** Width × height, as a long. */
  public long pixels() {
    return (long) width * height;
  }

  /** Whether Kling takes this format as is (PNG or JPEG). */
  public boolean klingFormat() {
    return format.equals("png") || format.equals("jpeg");
  }

  /** The format as a user knows it: PNG, JPEG, GIF, WebP, ... */
  public String label() {
    return format.equals("jpeg") ? "JPEG" : format.toUpperCase(Locale.ROOT);
  }

  /**
   * Reads the header of {@code file}.
   *
   * @throws MediaException when no installed reader knows the file (a WebP picture, a damaged file,
   *     not a picture at all); the message is written for the user, without the file name
   */
  public static ImageHeader read(Path file) {
    requireNonNull(file, "file is null");
    return withReader(
        file,
        reader -> {
          int width = reader.getWidth(0);
          int height = reader.getHeight(0);
          return new ImageHeader(reader.getFormatName().toLowerCase(Locale.ROOT), width, height);
        });
  }

  /**
   * Decodes {@code file} scaled down so that neither side exceeds {@code maxSide} (by reading every
   * n-th pixel of every n-th row, so memory stays bounded by the result).
   */
  public static BufferedImage decodeScaled(Path file, int maxSide) {
    if (maxSide < 1) {
      throw new IllegalArgumentException("maxSide is " + maxSide);
    }
    return withReader(
        file,
        reader -> {
          int longest = Math.max(reader.getWidth(0), reader.getHeight(0));
          int step = Math.max(1, (int) Math.ceil(longest / (double) maxSide));
          ImageReadParam param = reader.getDefaultReadParam();
          param.setSourceSubsampling(step, step, 0, 0);
          return reader.read(0, param);
        });
  }

  private interface ReaderAction<T> {
    T apply(ImageReader reader) throws IOException;
  }

  private static <T> T withReader(Path file, ReaderAction<T> action) {
    if (!Files.isRegularFile(file)) {
      throw new MediaException(MediaProblem.FILE_NOT_FOUND, Messages.text("media.image.not.found"));
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new MediaException(MediaProblem.NOT_AN_IMAGE, unreadable(file));
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return action.apply(reader);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof MediaException media) {
        throw media;
      }
      throw new MediaException(MediaProblem.NOT_AN_IMAGE, unreadable(file), e);
    }
  }

  private static String unreadable(Path file) {
    if (isWebp(file)) {
      return Messages.text("media.image.webp");
    }
    return Messages.text("media.image.unreadable");
  }

  private static boolean isWebp(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(12);
      return head.length == 12
          && new String(head, 0, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("RIFF")
          && new String(head, 8, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("WEBP");
    } catch (IOException e) {
      return false;
    }
  }
}
