package dev.klingbot.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Before on the left, after on the right, labelled readably at any size; also as a video. */
class SideBySideTest {
  @TempDir Path dir;
  private final SideBySide sides = new SideBySide();
  private final FrameExtractor frames = new FrameExtractor();

  @Test
  void theStillShowsTheSourceLeftAndTheResultRightAtTheSameHeight() {
    BufferedImage before = TestPictures.filled(1280, 720, new Color(20, 120, 200));
    BufferedImage after = TestPictures.filled(1280, 720, new Color(230, 120, 20));

    BufferedImage still = sides.still(before, after, 480);

    // the pictures are 480 high, below the band of labels
    int band = SideBySide.bandHeight(480);
    assertThat(band).isBetween(40, 60);
    assertThat(still.getHeight()).isEqualTo(480 + band);
    // two 854-wide halves (16:9 at 480) and a gap
    assertThat(still.getWidth()).isBetween(854 * 2 + 2, 854 * 2 + 8);
    assertThat(new Color(still.getRGB(400, band + 2))).isEqualTo(new Color(20, 120, 200));
    assertThat(new Color(still.getRGB(still.getWidth() - 400, band + 2)))
        .isEqualTo(new Color(230, 120, 20));
    assertThat(new Color(still.getRGB(400, still.getHeight() - 1)))
        .isEqualTo(new Color(20, 120, 200));
  }

  @Test
  void theLabelsGrowWithThePictureSoTheyReadFrom360pTo4k() {
    for (int height : new int[] {360, 480, 1080, 2160}) {
      BufferedImage before = TestPictures.filled(height * 16 / 9, height, new Color(40, 40, 40));
      BufferedImage after = TestPictures.filled(height * 16 / 9, height, new Color(40, 40, 40));

      BufferedImage still = sides.still(before, after, height);

      int size = SideBySide.fontSize(height);
      assertThat(size).as("label size at %dp", height).isBetween(height / 20, height / 16 + 1);
      assertThat(size).isGreaterThanOrEqualTo(14);
      // white letters in the band above each half, and none on the pictures
      int band = SideBySide.bandHeight(height);
      int half = still.getWidth() / 2;
      Rectangle left = new Rectangle(0, 0, half, band);
      Rectangle right = new Rectangle(half, 0, half, band);
      Rectangle pictures = new Rectangle(0, band, still.getWidth(), height);
      assertThat(whitePixels(still, left))
          .as("Before at %dp", height)
          .isGreaterThan(size * size / 2);
      assertThat(whitePixels(still, right))
          .as("After at %dp", height)
          .isGreaterThan(size * size / 2);
      assertThat(whitePixels(still, pictures)).isZero();
    }
  }

  @Test
  void aPortraitSourceBesideALandscapeResultKeepsEachShape() {
    BufferedImage before = TestPictures.filled(720, 1280, Color.BLUE);
    BufferedImage after = TestPictures.filled(1280, 720, Color.RED);

    BufferedImage still = sides.still(before, after, 720);

    assertThat(still.getHeight()).isEqualTo(720 + SideBySide.bandHeight(720));
    assertThat(still.getWidth()).isBetween(406 + 1280, 406 + 1280 + 8);
  }

  @Test
  void theVideoPlaysBothInStepAtTheRequestedHeight() {
    EditedClips.Pair clips = EditedClips.pair(dir, 120, EditedClips.squareRemovedFrom(60));
    Path out = dir.resolve("compare.mp4");

    sides.video(clips.source(), clips.result(), 1000, 3000, 240, out);

    VideoInfo info = new VideoProbe().probe(out);
    assertThat(info.videoCodec()).isEqualTo("h264");
    int band = SideBySide.bandHeight(240);
    assertThat(info.height()).isEqualTo(240 + band);
    assertThat(info.width()).isBetween(426 * 2 + 2, 428 * 2 + 8);
    assertThat(info.durationMillis()).isBetween(1900L, 2100L);
    // at 0.5 s into the comparison (1.5 s of both) the square is in both halves
    BufferedImage early = frames.frameAt(out, 500);
    int middle = band + 120;
    assertThat(squareShows(early, middle, 0, info.width() / 2)).isTrue();
    assertThat(squareShows(early, middle, info.width() / 2, info.width())).isTrue();
    // at 1.5 s in (3.0 s of both) it is gone from the result only
    BufferedImage late = frames.frameAt(out, 1500);
    assertThat(squareShows(late, middle, 0, info.width() / 2)).isTrue();
    assertThat(squareShows(late, middle, info.width() / 2, info.width())).isFalse();
  }

  @Test
  void aStretchLateInTheClipStartsAtItsTimeInBothHalves() {
    EditedClips.Pair clips = EditedClips.pair(dir, 240, EditedClips.squareRemovedFrom(180));
    Path out = dir.resolve("late.mp4");

    sides.video(clips.source(), clips.result(), 5000, 7000, 360, out);

    int band = SideBySide.bandHeight(360);
    int half = (new VideoProbe().probe(out).width() - 2) / 2;
    // 0.5 s in is 5.5 s of both (frame 165): the square is in both, at the source's place
    BufferedImage early = frames.frameAt(out, 500);
    int expected = EditedClips.squareX(165, 640) + EditedClips.side(640) / 2;
    assertThat(squareShows(early, band + 180, expected - 20, expected + 20)).isTrue();
    assertThat(squareShows(early, band + 180, half + expected - 20, half + expected + 20)).isTrue();
    // 1.5 s in is 6.5 s (frame 195): removed from the result only
    BufferedImage late = frames.frameAt(out, 1500);
    assertThat(squareShows(late, band + 180, 0, half)).isTrue();
    assertThat(squareShows(late, band + 180, half, 2 * half)).isFalse();
  }

  private static boolean squareShows(BufferedImage image, int y, int fromX, int toX) {
    for (int x = fromX; x < toX; x++) {
      Color colour = new Color(image.getRGB(x, y));
      if (colour.getRed() > 200 && colour.getGreen() > 150 && colour.getBlue() < 100) {
        return true;
      }
    }
    return false;
  }

  private static int whitePixels(BufferedImage image, Rectangle box) {
    int count = 0;
    for (int y = box.y; y < box.y + box.height && y < image.getHeight(); y++) {
      for (int x = box.x; x < box.x + box.width && x < image.getWidth(); x++) {
        Color colour = new Color(image.getRGB(x, y));
        if (colour.getRed() > 230 && colour.getGreen() > 230 && colour.getBlue() > 230) {
          count++;
        }
      }
    }
    return count;
  }

  @Test
  void theLabelsAreInTheLanguageSpokenWhereAFontCanDrawItElseInEnglishNeverAsBoxes() {
    String[] chinese;
    try (dev.klingbot.core.i18n.Messages.Scope zh =
        dev.klingbot.core.i18n.Messages.use(dev.klingbot.core.i18n.Lang.ZH)) {
      chinese = SideBySide.labels(40);
    }
    assertThat(
            dev.klingbot.core.i18n.Fonts.drawing(chinese[0] + chinese[1], java.awt.Font.BOLD, 40))
        .as("a font that draws the labels")
        .isPresent();
    assertThat(chinese).isIn(new String[] {"编辑前", "编辑后"}, new String[] {"Before", "After"});
    assertThat(SideBySide.labels(40)).containsExactly("Before", "After");
  }
}
