package dev.klingbot.kling.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class MaskBitmapTest {
  @Test
  void setGetCountAndBounds() {
    MaskBitmap mask = new MaskBitmap(10, 8);
    assertThat(mask.isEmpty()).isTrue();
    assertThat(mask.bounds()).isEmpty();

    mask.set(2, 3, true);
    mask.set(7, 5, true);
    mask.set(4, 1, true);
    mask.set(4, 1, false);

    assertThat(mask.get(2, 3)).isTrue();
    assertThat(mask.get(4, 1)).isFalse();
    assertThat(mask.count()).isEqualTo(2);
    assertThat(mask.bounds()).contains(new MaskBounds(2, 3, 6, 3));
  }

  @Test
  void boundsOfSinglePixelAndFullMask() {
    MaskBitmap mask = new MaskBitmap(5, 4);
    mask.set(4, 3, true);
    assertThat(mask.bounds()).contains(new MaskBounds(4, 3, 1, 1));
    for (int y = 0; y < 4; y++) {
      mask.setRow(y, 0, 5);
    }
    assertThat(mask.bounds()).contains(new MaskBounds(0, 0, 5, 4));
    assertThat(mask.count()).isEqualTo(20);
  }

  @Test
  void equalsAndHashCodeCompareSizeAndPixels() {
    MaskBitmap a = new MaskBitmap(4, 4);
    MaskBitmap b = new MaskBitmap(4, 4);
    a.set(1, 2, true);
    b.set(1, 2, true);
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(new MaskBitmap(2, 8));
    b.set(0, 0, true);
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void toImageIsTransparentWhereNotSet() {
    MaskBitmap mask = new MaskBitmap(3, 2);
    mask.set(2, 1, true);

    BufferedImage image = mask.toImage(new Color(255, 0, 0, 128));

    assertThat(image.getWidth()).isEqualTo(3);
    assertThat(image.getHeight()).isEqualTo(2);
    assertThat(image.getRGB(2, 1)).isEqualTo(new Color(255, 0, 0, 128).getRGB());
    assertThat(image.getRGB(0, 0) >>> 24).isZero();
  }

  @Test
  void refusesPixelsOutsideAndEmptySizes() {
    MaskBitmap mask = new MaskBitmap(3, 2);
    assertThatThrownBy(() -> mask.get(3, 0))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("outside the 3x2 mask");
    assertThatThrownBy(() -> new MaskBitmap(0, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 or more");
  }
}
