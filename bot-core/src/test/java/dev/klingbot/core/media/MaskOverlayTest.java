package dev.klingbot.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.kling.mask.MaskBitmap;
import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskOverlayTest {
  private static final int GRAY = new Color(100, 100, 100).getRGB();

  private final MaskOverlay overlay = new MaskOverlay();

  @Test
  void tintsMaskedPixelsOutlinesTheEdgeAndLeavesTheRestAlone() {
    BufferedImage frame = TestPictures.filled(200, 100, new Color(GRAY));
    MaskBitmap mask = rectangle(200, 100, 50, 20, 100, 60);

    BufferedImage drawn = overlay.draw(frame, mask, List.of());

    Color inside = new Color(drawn.getRGB(75, 40));
    Color tint = MaskOverlay.COLORS.get(0);
    assertThat(inside).isNotEqualTo(new Color(GRAY));
    assertThat(inside.getBlue()).isGreaterThan(100);
    assertThat(inside.getRed()).isLessThan(100);
    assertThat(new Color(drawn.getRGB(50, 40))).isEqualTo(tint);
    assertThat(new Color(drawn.getRGB(99, 40))).isEqualTo(tint);
    for (int[] outside : new int[][] {{10, 10}, {49, 40}, {100, 40}, {75, 19}, {75, 60}}) {
      assertThat(drawn.getRGB(outside[0], outside[1]))
          .as("pixel %s,%s", outside[0], outside[1])
          .isEqualTo(GRAY);
    }
    assertThat(frame.getRGB(75, 40)).isEqualTo(GRAY);
  }

  @Test
  void aSmallerMaskIsStretchedToTheFrame() {
    BufferedImage frame = TestPictures.filled(200, 100, new Color(GRAY));
    MaskBitmap half = rectangle(100, 50, 25, 10, 50, 30);

    BufferedImage drawn = overlay.draw(frame, List.of(half));

    assertThat(drawn.getRGB(75, 40)).isNotEqualTo(GRAY);
    assertThat(drawn.getRGB(52, 22)).isNotEqualTo(GRAY);
    assertThat(drawn.getRGB(47, 40)).isEqualTo(GRAY);
    assertThat(drawn.getRGB(102, 40)).isEqualTo(GRAY);
    assertThat(drawn.getRGB(10, 10)).isEqualTo(GRAY);
  }

  @Test
  void marksTheClickedPoints() {
    BufferedImage frame = TestPictures.filled(400, 200, new Color(GRAY));
    MaskBitmap empty = new MaskBitmap(400, 200);

    BufferedImage drawn = overlay.draw(frame, empty, List.of(new Point2D.Double(0.25, 0.5)));

    assertThat(drawn.getRGB(100, 100)).isNotEqualTo(GRAY);
    assertThat(drawn.getRGB(300, 100)).isEqualTo(GRAY);
  }

  @Test
  void severalMasksGetDifferentColours() {
    BufferedImage frame = TestPictures.filled(200, 100, new Color(GRAY));
    MaskBitmap left = rectangle(200, 100, 10, 10, 60, 90);
    MaskBitmap right = rectangle(200, 100, 120, 10, 190, 90);

    BufferedImage drawn = overlay.draw(frame, List.of(left, right));

    assertThat(new Color(drawn.getRGB(10, 50))).isEqualTo(MaskOverlay.COLORS.get(0));
    assertThat(new Color(drawn.getRGB(120, 50))).isEqualTo(MaskOverlay.COLORS.get(1));
    assertThat(drawn.getRGB(35, 50)).isNotEqualTo(drawn.getRGB(155, 50));
    assertThat(drawn.getRGB(90, 50)).isEqualTo(GRAY);
  }

  /** A mask with the rectangle [left, right) × [top, bottom) set. */
  private static MaskBitmap rectangle(
      int width, int height, int left, int top, int right, int bottom) {
    MaskBitmap mask = new MaskBitmap(width, height);
    for (int y = top; y < bottom; y++) {
      mask.setRow(y, left, right);
    }
    return mask;
  }
}
