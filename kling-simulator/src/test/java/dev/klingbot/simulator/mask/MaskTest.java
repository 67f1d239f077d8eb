package dev.klingbot.simulator.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class MaskTest {
  @Test
  void pngRoundTripsAMask() throws IOException {
    BinaryMask mask = BinaryMask.ellipse(37, 21, 18, 10, 9, 6);
    byte[] png = MaskPng.encode(mask);
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    assertThat(MaskPng.decode(png)).isEqualTo(mask);
  }

  @Test
  void regionGrowFollowsAFlatShape() {
    BufferedImage frame = new BufferedImage(200, 100, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = frame.createGraphics();
    g.setColor(Color.BLUE);
    g.fillRect(0, 0, 200, 100);
    g.setColor(Color.ORANGE);
    g.fillRect(20, 30, 40, 30);
    g.dispose();

    BinaryMask mask = RegionGrower.grow(frame, 40 / 199.0, 45 / 99.0);

    assertThat(mask.area()).isEqualTo(40 * 30);
    assertThat(mask.bounds()).containsExactly(20, 30, 59, 59);
  }

  @Test
  void regionGrowOnBackgroundStaysWithinItsEllipse() {
    BufferedImage frame = new BufferedImage(200, 100, BufferedImage.TYPE_3BYTE_BGR);
    BinaryMask mask = RegionGrower.grow(frame, 0.5, 0.5);
    double expected =
        Math.PI * 200 * RegionGrower.MAX_RADIUS_SHARE * 100 * RegionGrower.MAX_RADIUS_SHARE;
    assertThat((double) mask.area())
        .isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(5));
    assertThat(mask.get(100, 50)).isTrue();
    assertThat(mask.get(0, 0)).isFalse();
  }

  @Test
  void fillHolesClosesInnerGaps() {
    boolean[] ring = new boolean[25];
    for (int i = 0; i < 25; i++) {
      int x = i % 5;
      int y = i / 5;
      ring[i] = x >= 1 && x <= 3 && y >= 1 && y <= 3 && !(x == 2 && y == 2);
    }
    BinaryMask filled = MaskOps.fillHoles(BinaryMask.of(5, 5, ring));
    assertThat(filled.get(2, 2)).isTrue();
    assertThat(filled.area()).isEqualTo(9);
  }
}
