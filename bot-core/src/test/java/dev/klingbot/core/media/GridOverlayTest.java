package dev.klingbot.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GridOverlayTest {
  private final GridOverlay overlay = new GridOverlay();

  @ParameterizedTest
  @CsvSource({"1280, 720", "720, 1280", "320, 180", "2160, 2160"})
  void keepsTheSizeAndDrawsLabelsAndLines(int width, int height) {
    BufferedImage frame = TestPictures.filled(width, height, new Color(240, 240, 240));

    BufferedImage grid = overlay.draw(frame);

    assertThat(grid.getWidth()).isEqualTo(width);
    assertThat(grid.getHeight()).isEqualTo(height);
    for (int i = 0; i < GridCell.SIZE; i++) {
      assertThat(changedIn(frame, grid, GridOverlay.columnLabelBox(width, height, i)))
          .as("column label %s", (char) ('A' + i))
          .isGreaterThan(0.5);
      assertThat(changedIn(frame, grid, GridOverlay.rowLabelBox(width, height, i)))
          .as("row label %s", i + 1)
          .isGreaterThan(0.5);
    }
    // on the line between columns E and F, away from labels
    assertThat(grid.getRGB(width / 2, height * 3 / 4))
        .isNotEqualTo(frame.getRGB(width / 2, height * 3 / 4));
    // inside cell E7, away from lines and labels
    int x = width * 9 / 20;
    int y = height * 13 / 20;
    assertThat(grid.getRGB(x, y)).isEqualTo(frame.getRGB(x, y));
  }

  @Test
  void labelsShowOnDarkPicturesToo() {
    BufferedImage frame = TestPictures.filled(1280, 720, Color.BLACK);

    BufferedImage grid = overlay.draw(frame);

    Rectangle box = GridOverlay.columnLabelBox(1280, 720, 2);
    int bright = 0;
    for (int y = box.y; y < box.y + box.height; y++) {
      for (int x = box.x; x < box.x + box.width; x++) {
        if ((grid.getRGB(x, y) & 0xff) > 200) {
          bright++;
        }
      }
    }
    assertThat(bright).isGreaterThan(20);
  }

  @Test
  void leavesTheFrameAlone() {
    BufferedImage frame = TestPictures.filled(640, 360, Color.GRAY);

    overlay.draw(frame);

    assertThat(frame.getRGB(32, 10)).isEqualTo(Color.GRAY.getRGB());
  }

  private static double changedIn(BufferedImage a, BufferedImage b, Rectangle box) {
    int changed = 0;
    for (int y = box.y; y < box.y + box.height; y++) {
      for (int x = box.x; x < box.x + box.width; x++) {
        if (a.getRGB(x, y) != b.getRGB(x, y)) {
          changed++;
        }
      }
    }
    return (double) changed / (box.width * box.height);
  }
}
