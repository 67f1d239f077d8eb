package dev.klingbot.core.workflow;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an edit's files live: {@code <work-dir>/<edit id>/} holds the source video, the reference
 * images, frames with grids and masks, the preview cover, the result and its before-and-after
 * comparison.
 */
public final class MediaFiles {
  private static final Logger LOG = LoggerFactory.getLogger(MediaFiles.class);

  private final Path root;

  public MediaFiles(Path root) {
    this.root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** The edit's folder, created when missing. */
  public Path dir(String editId) {
    Path dir = root.resolve(editId);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
    return dir;
  }

  public Path source(String editId, String extension) {
    return dir(editId).resolve("source." + extension);
  }

  public Path conformed(String editId) {
    return dir(editId).resolve("conformed.mp4");
  }

  public Path image(String editId, int position, String extension) {
    return dir(editId).resolve("image-" + position + "." + extension);
  }

  public Path frame(String editId, int frameIndex) {
    return dir(editId).resolve("frame-" + frameIndex + ".png");
  }

  public Path grid(String editId, int frameIndex) {
    return dir(editId).resolve("grid-" + frameIndex + ".png");
  }

  public Path mask(String editId, int frameIndex) {
    return dir(editId).resolve("selection-" + frameIndex + ".png");
  }

  public Path previewCover(String editId) {
    return dir(editId).resolve("preview-cover.png");
  }

  public Path result(String editId) {
    return dir(editId).resolve("result-" + editId + ".mp4");
  }

  /** The before-and-after still, beside the result. */
  public Path comparisonImage(String editId) {
    return dir(editId).resolve("compare-" + editId + ".png");
  }

  /** The side-by-side before-and-after video, beside the result. */
  public Path comparisonVideo(String editId) {
    return dir(editId).resolve("compare-" + editId + ".mp4");
  }

  public Path resultStill(String editId) {
    return dir(editId).resolve("result-still.png");
  }

  /** A file extension from a name or URL path: lower case, letters and digits only. */
  public static String extension(String name, String fallback) {
    String path = name;
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    int slash = path.lastIndexOf('/');
    if (slash >= 0) {
      path = path.substring(slash + 1);
    }
    int dot = path.lastIndexOf('.');
    if (dot < 0 || dot == path.length() - 1) {
      return fallback;
    }
    String extension = path.substring(dot + 1).toLowerCase(Locale.ROOT);
    return extension.matches("[a-z0-9]{1,5}") ? extension : fallback;
  }

  /** Deletes {@code file} if it exists; a failure is only logged. */
  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.debug("Could not remove {}: {}", file, e.getMessage());
    }
  }
}
