package dev.klingbot.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameRecorder;

/**
 * Portrait phone videos as phones store them: a 1280×720 landscape recording flagged to be shown
 * turned 90° clockwise, with a red block at the stored picture's left edge (upright, at the top).
 */
public final class PhoneVideos {
  private PhoneVideos() {}

  /** Writes {@code frames} frames at 30 fps as H.264 MP4 to {@code file}. */
  public static Path write(Path file, int frames) throws Exception {
    try (FFmpegFrameRecorder recorder = TestRecorders.h264Mp4(file, 1280, 720, 30, 0)) {
      recorder.setDisplayRotation(-90);
      TestRecorders.record(
          recorder,
          frames,
          (graphics, index) -> {
            graphics.setColor(Color.DARK_GRAY);
            graphics.fillRect(0, 0, 1280, 720);
            graphics.setColor(Color.RED);
            graphics.fillRect(0, 0, 200, 720);
          });
    }
    return file;
  }

  /** Asserts that {@code frame} (720×1280) is upright: the red block at the top, not the bottom. */
  public static void assertUpright(BufferedImage frame) {
    assertThat(frame.getWidth()).isEqualTo(720);
    assertThat(frame.getHeight()).isEqualTo(1280);
    Color top = new Color(frame.getRGB(360, 50));
    Color bottom = new Color(frame.getRGB(360, 1200));
    assertThat(top.getRed()).isGreaterThan(180);
    assertThat(top.getGreen()).isLessThan(80);
    assertThat(bottom.getRed()).isLessThan(120);
  }
}
