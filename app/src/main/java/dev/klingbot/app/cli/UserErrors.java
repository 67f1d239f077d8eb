package dev.klingbot.app.cli;

import dev.klingbot.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

/** Turns an exception into one line a user can act on. */
final class UserErrors {
  private UserErrors() {}

  static String describe(Throwable error) {
    if (error instanceof ConfigException config) {
      return "configuration error: " + config.getMessage();
    }
    if (error instanceof UncheckedIOException unchecked) {
      return describe(unchecked.getCause());
    }
    if (error instanceof NoSuchFileException missing) {
      return "file not found: " + missing.getFile();
    }
    if (error instanceof IOException io) {
      return "I/O error: " + io.getMessage();
    }
    String message = error.getMessage();
    return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
  }
}
