package dev.klingbot.core.media;

import static dev.klingbot.core.media.MediaAssertions.assertMediaProblem;
import static dev.klingbot.core.media.MediaAssertions.assertVideo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoConformerTest {
  private final VideoConformer conformer = new VideoConformer();
  private final VideoProbe probe = new VideoProbe();
  private final VideoRules rules = new VideoRules();

  @TempDir Path folder;

  @Test
  void fixesFrameRateSizeAndLengthTogether() {
    Path out = folder.resolve("fixed.mp4");

    ConformResult result = conformer.conformIfNeeded(SampleClips.small25fps12s(), out);

    VideoInfo after = probe.probe(out);
    assertThat(after).isEqualTo(result.after());
    assertThat(rules.check(after).ok()).isTrue();
    assertVideo(after, "mp4", "h264", 10_000, 24.0, 1280, 720, 240);
    assertThat(result.copied()).isFalse();
    assertThat(result.changes())
        .containsExactly(
            "length 12.0 s → 10 s", "frame rate 25 → 24 fps", "size 640×360 → 1280×720");
    assertThat(leftovers()).containsExactly(out);
  }

  @Test
  void ntscBecomesThirty() {
    Path out = folder.resolve("ntsc.mp4");

    VideoInfo after = conformer.conformIfNeeded(SampleClips.ntsc(), out).after();

    assertThat(after.fps()).isEqualTo(30.0);
    assertThat(after.durationMillis()).isCloseTo(2_500, within(40L));
    assertThat(rules.check(after).ok()).isTrue();
  }

  @Test
  void sixSecondsAreTrimmedToFive() {
    Path out = folder.resolve("five.mp4");

    VideoInfo after = conformer.conformIfNeeded(SampleClips.sixSeconds(), out).after();

    assertVideo(after, "mp4", "h264", 5_000, 30.0, 720, 720, 150);
  }

  @Test
  void webmIsConvertedToMp4() {
    Path out = folder.resolve("from-webm.mp4");

    ConformResult result = conformer.conformIfNeeded(SampleClips.webm(), out);

    assertThat(result.changes())
        .containsExactly("container WebM → MP4", "codec VP8 → H.264", "size 640×360 → 1280×720");
    assertThat(result.after().container()).isEqualTo("mp4");
    assertThat(result.after().videoCodec()).isEqualTo("h264");
    assertThat(result.after().width()).isEqualTo(1280);
    assertThat(rules.check(result.after()).ok()).isTrue();
  }

  @Test
  void h264InMatroskaIsRepackagedWithoutReencoding() {
    Path out = folder.resolve("remuxed.mp4");
    VideoCheck check = rules.check(probe.probe(SampleClips.h264Mkv()));
    assertThat(check.plan().reencode()).isFalse();

    VideoInfo after = conformer.conform(SampleClips.h264Mkv(), out, check.plan());

    assertVideo(after, "mp4", "h264", 3_000, 30.0, 1280, 720, 90);
  }

  @Test
  void anotherCodecIsReencodedAsH264() {
    Path out = folder.resolve("h264.mp4");

    ConformResult result = conformer.conformIfNeeded(SampleClips.mpeg4Mp4(), out);

    assertThat(result.changes()).containsExactly("codec MPEG-4 Part 2 → H.264");
    assertThat(result.after().videoCodec()).isEqualTo("h264");
    assertThat(result.after().frameCount()).isEqualTo(90);
  }

  @Test
  void aValidMp4IsCopiedAsItIs() throws Exception {
    Path out = folder.resolve("copy.mp4");

    ConformResult result = conformer.conformIfNeeded(SampleClips.valid5sMp4(), out);

    assertThat(result.copied()).isTrue();
    assertThat(result.changes()).isEmpty();
    assertThat(Files.mismatch(SampleClips.valid5sMp4(), out)).isEqualTo(-1);
  }

  @Test
  void aValidMovIsRepackagedAsMp4() {
    Path out = folder.resolve("from-mov.mp4");

    ConformResult result = conformer.conformIfNeeded(SampleClips.valid10sMov(), out);

    assertThat(result.copied()).isFalse();
    assertThat(result.changes()).containsExactly("container MOV → MP4");
    assertThat(result.after().container()).isEqualTo("mp4");
    assertThat(result.after().durationMillis()).isEqualTo(10_000);
  }

  @Test
  void aClipThatIsTooShortIsRefused() {
    Path out = folder.resolve("short.mp4");

    assertMediaProblem(
            () -> conformer.conformIfNeeded(SampleClips.tooShort(), out), MediaProblem.CANNOT_FIX)
        .contains("1.5 s", "at least 2 seconds");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void aShapeThatCannotFitIsRefused() {
    assertMediaProblem(
            () -> conformer.conformIfNeeded(SampleClips.tooWide(), folder.resolve("wide.mp4")),
            MediaProblem.CANNOT_FIX)
        .contains("4000×400");
  }

  @Test
  void aTextFileIsNotConverted() {
    ConformPlan plan = new ConformPlan("mp4", true, 30.0, null, null, null, List.of(), 0);

    assertMediaProblem(
        () -> conformer.conform(SampleClips.textNamedMp4(), folder.resolve("x.mp4"), plan),
        MediaProblem.NOT_A_VIDEO);
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void filterChainsNameOnlyWhatChanges() {
    assertThat(VideoConformer.filters(25, 30, 0, 640, 360, 1280, 720))
        .isEqualTo("fps=30,scale=1280:720:flags=bicubic");
    assertThat(VideoConformer.filters(30, 30, 0, 640, 360, 1280, 720))
        .isEqualTo("scale=1280:720:flags=bicubic");
    assertThat(VideoConformer.filters(30, 30, 0, 1280, 720, 1280, 720)).isEqualTo("null");
  }

  private List<Path> leftovers() {
    try (Stream<Path> files = Files.list(folder)) {
      return files.toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
