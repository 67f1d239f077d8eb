package dev.klingbot.core.workflow;

import dev.klingbot.core.edit.EditImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** How a reference image reaches Kling: its URL when Kling can fetch one, else Base64. */
final class ImageEncoding {
  private ImageEncoding() {}

  static String forKling(EditImage image) {
    if (image.url() != null) {
      return image.url();
    }
    if (image.file() == null) {
      throw new IllegalStateException(
          "image " + image.position() + " has neither a URL nor a file");
    }
    try {
      return Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of(image.file())));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read reference image " + image.position(), e);
    }
  }
}
