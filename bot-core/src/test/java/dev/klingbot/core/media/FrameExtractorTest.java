package dev.klingbot.core.media;

import static dev.klingbot.core.media.MediaAssertions.assertMediaProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameExtractorTest {
  private final FrameExtractor extractor = new FrameExtractor();

  @TempDir Path folder;

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 10, 37, 75, 149})
  void seeksToTheExactFrame(int index) {
    BufferedImage frame = extractor.frame(SampleClips.valid5sMp4(), index);

    assertThat(frame.getWidth()).isEqualTo(1280);
    assertThat(frame.getHeight()).isEqualTo(720);
    assertThat(squareLeftEdge(frame)).isCloseTo(SampleClips.squareX(index, 1280), within(2));
  }

  @Test
  void seeksInAMovAtAnotherRate() {
    BufferedImage frame = extractor.frame(SampleClips.valid10sMov(), 100);

    assertThat(squareLeftEdge(frame)).isCloseTo(SampleClips.squareX(100, 720), within(2));
  }

  @Test
  void laterFramesDifferFromTheFirst() {
    BufferedImage first = extractor.frame(SampleClips.valid5sMp4(), 0);
    BufferedImage later = extractor.frame(SampleClips.valid5sMp4(), 60);

    assertThat(differentPixels(first, later)).isGreaterThan(1000);
  }

  @Test
  void anIndexPastTheEndNamesTheFrameCount() {
    assertMediaProblem(
            () -> extractor.frame(SampleClips.valid5sMp4(), 150), MediaProblem.FRAME_OUT_OF_RANGE)
        .isEqualTo("There is no frame 150; this video has 150 frames (0–149).");
  }

  @Test
  void aNegativeIndexIsRefused() {
    assertMediaProblem(
        () -> extractor.frame(SampleClips.valid5sMp4(), -1), MediaProblem.FRAME_OUT_OF_RANGE);
  }

  @Test
  void writesAPng() throws Exception {
    BufferedImage frame = extractor.frame(SampleClips.valid5sMp4(), 5);
    Path png = folder.resolve("sub/frame.png");

    extractor.writePng(frame, png);

    BufferedImage read = ImageIO.read(png.toFile());
    assertThat(read.getWidth()).isEqualTo(1280);
    assertThat(differentPixels(frame, read)).isZero();
  }

  /** The first column of the bright square on the middle row. */
  private static int squareLeftEdge(BufferedImage frame) {
    int y = frame.getHeight() / 2;
    for (int x = 0; x < frame.getWidth(); x++) {
      int rgb = frame.getRGB(x, y);
      if (((rgb >> 16) & 0xff) > 180 && ((rgb >> 8) & 0xff) > 140) {
        return x;
      }
    }
    return -1;
  }

  static int differentPixels(BufferedImage a, BufferedImage b) {
    int count = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        if ((a.getRGB(x, y) & 0xffffff) != (b.getRGB(x, y) & 0xffffff)) {
          count++;
        }
      }
    }
    return count;
  }
}
