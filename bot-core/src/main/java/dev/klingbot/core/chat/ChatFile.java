package dev.klingbot.core.chat;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/** A file to upload with a message: an image (frame, mask, chart) or the result video. */
public record ChatFile(Path path, String name, String description) {

  public ChatFile {
    requireNonNull(path, "path is null");
    requireNonNull(name, "name is null");
    description = description == null ? "" : description;
  }

  public boolean isImage() {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    return lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg");
  }
}
