package dev.klingbot.core.media;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.i18n.Messages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Kling's rules for reference images (its documentation: JPG/JPEG/PNG, at most 10 MB, at least 300
 * pixels on each side, aspect ratio between 1:2.5 and 2.5:1), checked from the file's header before
 * any pixel is decoded, and the fix for what can be fixed.
 *
 * <p>What breaks a rule but can be fixed is fixed automatically in the copy sent to Kling (the plan
 * says what changed): another readable format (GIF, BMP, TIFF) becomes PNG, a shape beyond 2.5:1 is
 * padded (white, or transparent for pictures with transparency), a side under 300 pixels is scaled
 * up, and a copy over 10 MB is re-encoded as JPEG or scaled down. Pictures far beyond what Kling
 * takes (over {@value #REFUSE_SIDE} pixels a side or {@value #REFUSE_MEGAPIXELS} megapixels) are
 * refused before decoding; others are decoded scaled down to at most {@value #WORK_SIDE} pixels a
 * side.
 */
public final class ReferenceImages {
  /** Smallest width or height Kling takes, in pixels. */
  public static final int MIN_SIDE = 300;

  /** Largest ratio of the longer to the shorter side Kling takes. */
  public static final double MAX_RATIO = 2.5;

  /** Kling's file size limit. */
  public static final long MAX_BYTES = 10L * 1024 * 1024;

  /** A side beyond this is refused without decoding. */
  public static final int REFUSE_SIDE = 16_384;

  /** More megapixels than this are refused without decoding. */
  public static final int REFUSE_MEGAPIXELS = 100;

  /** A fixed copy is decoded and written at most this large on its longer side. */
  public static final int WORK_SIDE = 4096;

  /** A picture whose longer side is under this is too small to fix (it would be all blur). */
  public static final int TOO_SMALL_SIDE = 64;

  private final long maxBytes;

  /** Kling's rules with Kling's size limit. */
  public ReferenceImages() {
    this(MAX_BYTES);
  }

  /** Kling's rules with a size limit of at most Kling's ({@code media.max-image-size}). */
  public ReferenceImages(long maxBytes) {
    if (maxBytes < 1024) {
      throw new IllegalArgumentException("maxBytes is " + maxBytes);
    }
    this.maxBytes = Math.min(maxBytes, MAX_BYTES);
  }

  /**
   * An image ready for Kling.
   *
   * @param file the original when it meets every rule, else the fixed copy
   * @param changes what was changed for Kling, in plain words; empty when nothing was
   */
  public record Prepared(Path file, ImageHeader header, List<String> changes) {
    public Prepared {
      requireNonNull(file, "file is null");
      changes = List.copyOf(changes);
    }

    public boolean changed() {
      return !changes.isEmpty();
    }
  }

  /**
   * Checks {@code file} and, when it breaks a rule that can be fixed, writes the fixed copy next to
   * it ({@code <name>-kling.png} or {@code .jpg}).
   *
   * @throws MediaException with a sentence for the user (starting lower case, to follow the image's
   *     name) when the file is not a readable picture or is beyond fixing
   */
  public Prepared prepare(Path file) {
    requireNonNull(file, "file is null");
    ImageHeader header = ImageHeader.read(file);
    refuseFarBeyond(header);
    long bytes = size(file);
    boolean formatOk = header.klingFormat();
    boolean sidesOk = Math.min(header.width(), header.height()) >= MIN_SIDE;
    boolean shapeOk = ratio(header.width(), header.height()) <= MAX_RATIO + 1e-9;
    boolean bytesOk = bytes <= maxBytes;
    if (Math.max(header.width(), header.height()) < TOO_SMALL_SIDE) {
      throw new MediaException(
          MediaProblem.IMAGE_REFUSED,
          Messages.text(
              "media.image.too.small",
              MediaText.size(header.width(), header.height()),
              String.valueOf(MIN_SIDE)));
    }
    // decoded (scaled down) even when it is fine, so a damaged file is caught before paying
    BufferedImage image =
        decode(file, formatOk && sidesOk && shapeOk && bytesOk ? 1024 : WORK_SIDE);
    if (formatOk && sidesOk && shapeOk && bytesOk) {
      return new Prepared(file, header, List.of());
    }
    List<String> changes = new ArrayList<>();
    if (!formatOk) {
      changes.add(header.label() + " → PNG");
    }
    if (image.getWidth() < header.width()) {
      changes.add(
          Messages.text(
              "media.image.change.scaled.down",
              MediaText.size(image.getWidth(), image.getHeight())));
    }
    if (!shapeOk) {
      BufferedImage padded = pad(image);
      changes.add(
          Messages.text(
              "media.image.change.padded",
              MediaText.size(header.width(), header.height()),
              shape(padded)));
      image = padded;
    }
    if (Math.min(image.getWidth(), image.getHeight()) < MIN_SIDE) {
      double factor = (double) MIN_SIDE / Math.min(image.getWidth(), image.getHeight());
      BufferedImage larger =
          scale(
              image,
              (int) Math.ceil(image.getWidth() * factor),
              (int) Math.ceil(image.getHeight() * factor));
      changes.add(
          Messages.text(
              "media.image.change.scaled.up",
              MediaText.size(larger.getWidth(), larger.getHeight())));
      image = larger;
    }
    Path out = write(file, image, changes, !bytesOk);
    return new Prepared(out, ImageHeader.read(out), changes);
  }

  private static void refuseFarBeyond(ImageHeader header) {
    if (header.width() > REFUSE_SIDE
        || header.height() > REFUSE_SIDE
        || header.pixels() > REFUSE_MEGAPIXELS * 1_000_000L) {
      throw new MediaException(
          MediaProblem.IMAGE_REFUSED,
          Messages.text(
              "media.image.far.beyond",
              MediaText.size(header.width(), header.height()),
              String.valueOf(Math.round(header.pixels() / 1_000_000.0)),
              String.valueOf(REFUSE_SIDE),
              String.valueOf(REFUSE_MEGAPIXELS)));
    }
  }

  private static BufferedImage decode(Path file, int maxSide) {
    BufferedImage image = ImageHeader.decodeScaled(file, maxSide);
    if (image == null) {
      throw new MediaException(MediaProblem.NOT_AN_IMAGE, Messages.text("media.image.unreadable"));
    }
    return image;
  }

  private Path write(Path source, BufferedImage image, List<String> changes, boolean tooLarge) {
    String base = source.getFileName().toString();
    int dot = base.lastIndexOf('.');
    base = (dot > 0 ? base.substring(0, dot) : base) + "-kling";
    Path png = source.resolveSibling(base + ".png");
    Path jpg = source.resolveSibling(base + ".jpg");
    try {
      if (ImageIO.write(image, "png", png.toFile()) && Files.size(png) <= maxBytes) {
        if (tooLarge && changes.isEmpty()) {
          changes.add(Messages.text("media.image.change.png", MediaText.bytes(maxBytes)));
        }
        return png;
      }
      Files.deleteIfExists(png);
      BufferedImage current = opaque(image);
      for (int attempt = 0; attempt < 12; attempt++) {
        writeJpeg(current, jpg, 0.9f);
        if (Files.size(jpg) <= maxBytes) {
          changes.add(
              current.getWidth() < image.getWidth()
                  ? Messages.text(
                      "media.image.change.jpeg.scaled",
                      MediaText.size(current.getWidth(), current.getHeight()),
                      MediaText.bytes(maxBytes))
                  : Messages.text("media.image.change.jpeg", MediaText.bytes(maxBytes)));
          return jpg;
        }
        current =
            scale(
                current,
                Math.max(1, (int) (current.getWidth() * 0.8)),
                Math.max(1, (int) (current.getHeight() * 0.8)));
      }
      throw new MediaException(
          MediaProblem.IMAGE_REFUSED,
          Messages.text("media.image.cannot.shrink", MediaText.bytes(maxBytes)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the fixed copy of " + source.getFileName(), e);
    }
  }

  private static void writeJpeg(BufferedImage image, Path target, float quality)
      throws IOException {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
    ImageWriter writer = writers.next();
    Files.deleteIfExists(target);
    try (ImageOutputStream out = ImageIO.createImageOutputStream(target.toFile())) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
  }

  /** Pads the shorter side so the shape is exactly 2.5:1 at most, the picture centred. */
  static BufferedImage pad(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    int newWidth = width;
    int newHeight = height;
    if (width > height) {
      newHeight = (int) Math.ceil(width / MAX_RATIO);
    } else {
      newWidth = (int) Math.ceil(height / MAX_RATIO);
    }
    boolean alpha = image.getColorModel().hasAlpha();
    BufferedImage padded = ImageScaling.canvasFor(image, newWidth, newHeight);
    Graphics2D g = padded.createGraphics();
    try {
      if (!alpha) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, newWidth, newHeight);
      }
      g.drawImage(image, (newWidth - width) / 2, (newHeight - height) / 2, null);
    } finally {
      g.dispose();
    }
    return padded;
  }

  static BufferedImage scale(BufferedImage image, int width, int height) {
    return ImageScaling.scaled(image, width, height, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
  }

  private static BufferedImage opaque(BufferedImage image) {
    if (!image.getColorModel().hasAlpha() && image.getType() == BufferedImage.TYPE_INT_RGB) {
      return image;
    }
    BufferedImage rgb =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return rgb;
  }

  private static double ratio(int width, int height) {
    return Math.max(width, height) / (double) Math.max(1, Math.min(width, height));
  }

  private static String shape(BufferedImage image) {
    double r = ratio(image.getWidth(), image.getHeight());
    String value = String.format(Locale.ROOT, "%.1f", r);
    return image.getWidth() >= image.getHeight() ? value + ":1" : "1:" + value;
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new MediaException(MediaProblem.IO_ERROR, Messages.text("media.image.cannot.read"), e);
    }
  }
}
