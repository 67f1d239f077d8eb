package dev.klingbot.core.media;

import java.io.IOException;
import java.nio.file.Path;

/** {@link TestPictures} for tests in other packages. */
public final class TestPicturesAccess {
  private TestPicturesAccess() {}

  public static Path blackPng(Path file, int width, int height) throws IOException {
    return TestPictures.blackPng(file, width, height);
  }
}
