package dev.klingbot.app.editor;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.media.FrameExtractor;
import dev.klingbot.core.media.ImageScaling;
import dev.klingbot.core.media.MaskOverlay;
import dev.klingbot.core.media.MaskScaling;
import dev.klingbot.kling.mask.MaskBitmap;
import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * The images the editor page shows: video frames downscaled for the screen and cached as JPEG in
 * the edit's media folder (so scrubbing back and forth is fast and the retention job removes them
 * with the edit), and transparent PNG overlays of Kling's masks.
 */
final class EditorFrames {
  /** The longest side of the images the page shows; clicks are fractions, so size is free. */
  static final int DISPLAY_MAX = 960;

  private static final float JPEG_QUALITY = 0.85f;
  private static final int FILL_ALPHA = 120;

  private final FrameExtractor extractor;
  private final ConcurrentMap<Path, Object> locks = new ConcurrentHashMap<>();

  EditorFrames(FrameExtractor extractor) {
    this.extractor = requireNonNull(extractor, "extractor is null");
  }

  /** The display size of a {@code width} x {@code height} video: longest side at most 960. */
  static int[] displaySize(int width, int height) {
    if (width <= 0 || height <= 0) {
      return new int[] {DISPLAY_MAX, DISPLAY_MAX * 9 / 16};
    }
    double scale = Math.min(1.0, DISPLAY_MAX / (double) Math.max(width, height));
    return new int[] {
      Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale))
    };
  }

  /**
   * The cached display JPEG of frame {@code index} of {@code video}, extracted on first use.
   *
   * @throws dev.klingbot.core.media.MediaException when the frame does not exist or the video
   *     cannot be read
   */
  Path frame(Path video, int index) {
    String base = video.getFileName().toString().replaceAll("[^A-Za-z0-9_-]", "_");
    Path file =
        video
            .toAbsolutePath()
            .resolveSibling("editor-frames")
            .resolve(String.format(Locale.ROOT, "%s-%05d.jpg", base, index));
    if (Files.isRegularFile(file)) {
      return file;
    }
    Object lock = locks.computeIfAbsent(file, key -> new Object());
    try {
      synchronized (lock) {
        if (!Files.isRegularFile(file)) {
          BufferedImage full = extractor.frame(video, index);
          int[] size = displaySize(full.getWidth(), full.getHeight());
          write(jpeg(scale(full, size[0], size[1])), file);
        }
        return file;
      }
    } finally {
      locks.remove(file, lock);
    }
  }

  /**
   * A transparent PNG of the masks at display size: each mask tinted in its own colour (the colours
   * of the chat images) with a solid edge.
   */
  static byte[] maskPng(List<MaskBitmap> masks, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    for (int i = 0; i < masks.size(); i++) {
      Color color = MaskOverlay.COLORS.get(i % MaskOverlay.COLORS.size());
      boolean[] covered = MaskScaling.covered(masks.get(i), width, height);
      int rgb = color.getRGB() & 0xffffff;
      int fill = (FILL_ALPHA << 24) | rgb;
      int solid = 0xff000000 | rgb;
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          if (covered[y * width + x]) {
            image.setRGB(x, y, edge(covered, width, height, x, y) ? solid : fill);
          }
        }
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a PNG", e);
    }
    return out.toByteArray();
  }

  private static boolean edge(boolean[] covered, int width, int height, int x, int y) {
    return x == 0
        || y == 0
        || x == width - 1
        || y == height - 1
        || !covered[y * width + x - 1]
        || !covered[y * width + x + 1]
        || !covered[(y - 1) * width + x]
        || !covered[(y + 1) * width + x];
  }

  private static BufferedImage scale(BufferedImage source, int width, int height) {
    if (source.getWidth() == width && source.getHeight() == height) {
      return source;
    }
    return ImageScaling.scaled(source, width, height, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
  }

  private static byte[] jpeg(BufferedImage image) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(JPEG_QUALITY);
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a JPEG", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private static void write(byte[] data, Path file) {
    try {
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), ".frame-", ".tmp");
      try {
        Files.write(temp, data);
        try {
          Files.move(
              temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
