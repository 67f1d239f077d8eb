package dev.klingbot.kling.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.klingbot.kling.RleMask;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskDecoderTest {
  private static MaskBitmap landscapeBox() {
    MaskBitmap mask = new MaskBitmap(1280, 720);
    for (int y = 100; y < 200; y++) {
      mask.setRow(y, 1000, 1100);
    }
    return mask;
  }

  @Test
  void decodesHeightWidthSizeAsGiven() {
    MaskBitmap mask = landscapeBox();
    RleMask rle = new RleMask(List.of(720, 1280), CocoRle.encode(mask));

    assertThat(MaskDecoder.decode(rle, 1280, 720)).isEqualTo(mask);
  }

  @Test
  void treatsWidthHeightSizeAsSwappedWhenItMatchesTheVideo() {
    MaskBitmap mask = landscapeBox();
    RleMask rle = new RleMask(List.of(1280, 720), CocoRle.encode(mask));

    MaskBitmap decoded = MaskDecoder.decode(rle, 1280, 720);

    assertThat(decoded).isEqualTo(mask);
    assertThat(decoded.bounds()).contains(new MaskBounds(1000, 100, 100, 100));
  }

  @Test
  void decodesAnyOtherSizeAsGivenForTheCallerToScale() {
    MaskBitmap small = new MaskBitmap(64, 36);
    small.set(10, 20, true);
    RleMask rle = new RleMask(List.of(36, 64), CocoRle.encode(small));

    MaskBitmap decoded = MaskDecoder.decode(rle, 1280, 720);

    assertThat(decoded.width()).isEqualTo(64);
    assertThat(decoded.height()).isEqualTo(36);
    assertThat(decoded.get(10, 20)).isTrue();
  }

  @Test
  void squareVideosAreDecodedAsGiven() {
    MaskBitmap mask = new MaskBitmap(720, 720);
    mask.set(5, 700, true);
    RleMask rle = new RleMask(List.of(720, 720), CocoRle.encode(mask));

    assertThat(MaskDecoder.decode(rle, 720, 720)).isEqualTo(mask);
  }

  @Test
  void refusesASizeWithoutTwoNumbers() {
    assertThatThrownBy(() -> MaskDecoder.decode(new RleMask(List.of(720), "0"), 1280, 720))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[height, width]");
  }
}
