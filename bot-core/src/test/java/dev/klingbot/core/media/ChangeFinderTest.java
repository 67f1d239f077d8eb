package dev.klingbot.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The moment of greatest change is found where the test clips were edited, and nowhere else. */
class ChangeFinderTest {
  @TempDir Path dir;
  private final ChangeFinder finder = new ChangeFinder();

  @Test
  void aSquareRemovedOnlyInTheSecondHalfIsFoundInTheSecondHalf() {
    EditedClips.Pair clips = EditedClips.pair(dir, 120, EditedClips.squareRemovedFrom(60));
    Path source = clips.source();
    Path result = clips.result();

    ChangeFinder.Change change = finder.find(source, result);

    assertThat(change.sharedMillis()).isBetween(3900L, 4100L);
    assertThat(change.millis()).isGreaterThanOrEqualTo(2000);
    assertThat(change.samples())
        .filteredOn(sample -> sample.millis() < 1900)
        .isNotEmpty()
        .allSatisfy(sample -> assertThat(sample.difference()).isLessThan(1.0));
    assertThat(change.samples())
        .filteredOn(sample -> sample.millis() > 2100)
        .isNotEmpty()
        .allSatisfy(sample -> assertThat(sample.difference()).isGreaterThan(2.0));
  }

  @Test
  void aChangeThatGrowsAndShrinksIsFoundAtItsPeak() {
    // the disc is largest at frame 78 = 2.6 s
    EditedClips.Pair clips = EditedClips.pair(dir, 150, EditedClips.discPeakingAt(30, 78, 102));
    Path source = clips.source();
    Path result = clips.result();

    ChangeFinder.Change change = finder.find(source, result);

    assertThat(change.millis()).isBetween(2450L, 2750L);
    assertThat(change.difference()).isGreaterThan(2.0);
  }

  @Test
  void aResultOfAnotherSizeIsComparedAtTheSameMoments() {
    Path source =
        EditedClips.write(dir.resolve("source.mp4"), 1280, 720, 30, 150, EditedClips.NONE);
    Path result =
        EditedClips.write(
            dir.resolve("result.mp4"), 640, 360, 24, 120, EditedClips.discPeakingAt(24, 48, 72));

    ChangeFinder.Change change = finder.find(source, result);

    // frame 48 at 24 fps = 2.0 s
    assertThat(change.millis()).isBetween(1850L, 2150L);
  }

  @Test
  void aFileThatIsNoVideoIsRefusedInASentence() throws Exception {
    Path source = EditedClips.write(dir.resolve("source.mp4"), 320, 180, 30, 60, EditedClips.NONE);
    Path text = Files.writeString(dir.resolve("result.mp4"), "not a video");

    assertThatThrownBy(() -> finder.find(source, text))
        .isInstanceOf(MediaException.class)
        .hasMessageNotContaining("Exception");
  }
}
