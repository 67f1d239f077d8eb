package dev.klingbot.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.kling.mask.MaskBitmap;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskScalingTest {
  @Test
  void aSmallMaskIsStretchedOverTheWholeImage() {
    MaskBitmap mask = new MaskBitmap(2, 2);
    mask.set(1, 0, true); // top right quarter

    boolean[] covered = MaskScaling.covered(mask, 4, 4);

    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 4; x++) {
        assertThat(covered[y * 4 + x]).as("pixel %d,%d", x, y).isEqualTo(x >= 2 && y < 2);
      }
    }
  }

  @Test
  void aLargeMaskIsSampledAtEachPixelCentre() {
    MaskBitmap mask = new MaskBitmap(9, 9);
    mask.set(4, 4, true); // only the centre of a 9×9 mask

    boolean[] covered = MaskScaling.covered(mask, 3, 3);

    assertThat(covered)
        .containsExactly(false, false, false, false, true, false, false, false, false);
  }

  @Test
  void theUnionHasEveryPixelAnyMaskCovers() {
    MaskBitmap left = new MaskBitmap(2, 1);
    left.set(0, 0, true);
    MaskBitmap right = new MaskBitmap(4, 2);
    right.set(3, 0, true);
    right.set(3, 1, true);

    MaskBitmap union = MaskScaling.union(List.of(left, right), 4, 2);

    assertThat(union.get(0, 0)).isTrue();
    assertThat(union.get(1, 1)).isTrue();
    assertThat(union.get(2, 0)).isFalse();
    assertThat(union.get(3, 1)).isTrue();
  }
}
