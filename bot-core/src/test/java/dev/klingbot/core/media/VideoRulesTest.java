package dev.klingbot.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.klingbot.core.i18n.Lang;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.kling.TaskDuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VideoRulesTest {
  private final VideoRules rules = new VideoRules();

  private static VideoInfo video(
      String container, String codec, long millis, double fps, int width, int height) {
    return new VideoInfo(
        container,
        codec,
        millis,
        fps,
        width,
        height,
        Math.round(millis * fps / 1000),
        1_000_000,
        false,
        0);
  }

  @Test
  void aValidClipHasNoProblemsAndNoPlan() {
    VideoCheck check = rules.check(video("mp4", "h264", 5_000, 30, 1280, 720));

    assertThat(check.ok()).isTrue();
    assertThat(check.problems()).isEmpty();
    assertThat(check.fixable()).isFalse();
    assertThat(check.plan()).isNull();
    assertThat(check.changes()).isEmpty();
  }

  @Test
  void everyProblemIsReportedAtOnceWithAPlan() {
    VideoCheck check = rules.check(video("mp4", "h264", 12_000, 25, 640, 360));

    assertThat(check.ok()).isFalse();
    assertThat(check.fixable()).isTrue();
    assertThat(check.problems())
        .extracting(VideoProblem::kind)
        .containsExactly(ProblemKind.DURATION, ProblemKind.FRAME_RATE, ProblemKind.DIMENSIONS);
    assertThat(check.problems()).allMatch(VideoProblem::fixable);
    assertThat(check.problems().get(0).message()).contains("12.0 s", "2–5 s or 7–10 s");
    assertThat(check.problems().get(1).message()).contains("25 fps", "24, 30 or 60");
    assertThat(check.problems().get(2).message()).contains("640×360", "720 and 2160");
    ConformPlan plan = check.plan();
    assertThat(plan.container()).isEqualTo("mp4");
    assertThat(plan.reencode()).isTrue();
    assertThat(plan.targetFps()).isEqualTo(24.0);
    assertThat(plan.targetWidth()).isEqualTo(1280);
    assertThat(plan.targetHeight()).isEqualTo(720);
    assertThat(plan.trimToMillis()).isEqualTo(10_000L);
    assertThat(plan.changes())
        .containsExactly(
            "length 12.0 s → 10 s", "frame rate 25 → 24 fps", "size 640×360 → 1280×720");
  }

  @Test
  void someoneWhoSpeaksChineseReadsTheProblemsTheFixesAndThePlanInChinese() {
    try (Messages.Scope zh = Messages.use(Lang.ZH)) {
      VideoCheck check = rules.check(video("mp4", "h264", 12_000, 25, 640, 360));
      VideoCheck tooLarge = new VideoRules(900).check(video("mp4", "h264", 5_000, 30, 1280, 720));

      assertThat(check.problems())
          .extracting(VideoProblem::message)
          .containsExactly(
              "视频时长 12.0 s；Kling 只接受 2–5 秒或 7–10 秒的片段。",
              "视频的帧率是 25 fps；Kling 只接受 24、30 或 60 fps。",
              "视频尺寸是 640×360；Kling 要求宽和高都在 720 到 2160 像素之间。");
      assertThat(check.problems().get(0).fix()).isEqualTo("机器人可以只保留前 10 秒（或者自己剪短后重新上传）。");
      assertThat(check.changes())
          .containsExactly("时长 12.0 s → 10 s", "帧率 25 → 24 fps", "尺寸 640×360 → 1280×720");
      assertThat(tooLarge.problems().get(0).message()).isEqualTo("文件大小为 976.6 KB，上限是 900 字节。");
      assertThat(VideoConformer.cannotFixMessage(tooLarge))
          .isEqualTo("文件大小为 976.6 KB，上限是 900 字节。请剪短或压缩后重试。")
          .doesNotContain("The ", "Trim", "bytes");
    }
  }

  @Test
  void aWebmClipAlsoNeedsANewContainerAndCodec() {
    VideoCheck check = rules.check(video("matroska,webm", "vp8", 12_000, 25, 640, 360));

    assertThat(check.problems())
        .extracting(VideoProblem::kind)
        .containsExactly(
            ProblemKind.CONTAINER,
            ProblemKind.DURATION,
            ProblemKind.FRAME_RATE,
            ProblemKind.DIMENSIONS);
    assertThat(check.problems().get(0).message()).contains("WebM", "MP4 or MOV");
    assertThat(check.fixable()).isTrue();
    assertThat(check.changes()).startsWith("container WebM → MP4", "codec VP8 → H.264");
  }

  @Test
  void h264InAnotherContainerIsOnlyRepackaged() {
    VideoCheck check = rules.check(video("matroska,webm", "h264", 5_000, 30, 1280, 720));

    assertThat(check.problems())
        .extracting(VideoProblem::kind)
        .containsExactly(ProblemKind.CONTAINER);
    assertThat(check.plan().reencode()).isFalse();
    assertThat(check.changes()).containsExactly("container MKV → MP4");
  }

  @Test
  void anotherCodecInMp4IsReencoded() {
    VideoCheck check = rules.check(video("mp4", "hevc", 5_000, 30, 1280, 720));

    assertThat(check.problems()).extracting(VideoProblem::kind).containsExactly(ProblemKind.CODEC);
    assertThat(check.plan().reencode()).isTrue();
    assertThat(check.changes()).containsExactly("codec HEVC (H.265) → H.264");
  }

  @ParameterizedTest
  @CsvSource({
    "29.97, 30",
    "23.976, 24",
    "59.94, 60",
    "50, 60",
    "25, 24",
    "15, 24",
    "120, 60",
    "40, 30",
    "27, 30",
    "0, 30"
  })
  void frameRatesGoToTheNearestAllowedOne(double fps, int expected) {
    assertThat(VideoRules.nearestFrameRate(fps)).isEqualTo(expected);
    VideoCheck check = rules.check(video("mp4", "h264", 5_000, fps, 1280, 720));
    assertThat(check.plan().targetFps()).isEqualTo((double) expected);
  }

  @ParameterizedTest
  @CsvSource({"24", "30", "60", "30.004"})
  void allowedFrameRatesPass(double fps) {
    assertThat(rules.check(video("mov", "h264", 8_000, fps, 1920, 1080)).ok()).isTrue();
  }

  @Test
  void ntscRateIsNotThirty() {
    VideoCheck check = rules.check(video("mp4", "h264", 5_000, 30000.0 / 1001, 1280, 720));

    assertThat(check.problems())
        .extracting(VideoProblem::kind)
        .containsExactly(ProblemKind.FRAME_RATE);
    assertThat(check.changes()).containsExactly("frame rate 29.97 → 30 fps");
  }

  @ParameterizedTest
  @CsvSource({
    "640, 360, 1280, 720",
    "3840, 2160, 2160, 1216",
    "2160, 3840, 1216, 2160",
    "500, 1500, 720, 2160",
    "700, 700, 720, 720",
    "4096, 4096, 2160, 2160"
  })
  void sizesAreScaledIntoRangeKeepingTheShape(int width, int height, int newWidth, int newHeight) {
    VideoCheck check = rules.check(video("mp4", "h264", 5_000, 30, width, height));

    assertThat(check.fixable()).isTrue();
    assertThat(check.plan().targetWidth()).isEqualTo(newWidth);
    assertThat(check.plan().targetHeight()).isEqualTo(newHeight);
    assertThat(check.changes())
        .containsExactly("size " + width + "×" + height + " → " + newWidth + "×" + newHeight);
  }

  @Test
  void anExtremeShapeCannotBeFixed() {
    VideoCheck check = rules.check(video("mp4", "h264", 5_000, 30, 4000, 400));

    assertCannotBeFixed(check);
    VideoProblem problem = check.problems().get(0);
    assertThat(problem.kind()).isEqualTo(ProblemKind.DIMENSIONS);
    assertThat(problem.fixable()).isFalse();
    assertThat(problem.message()).contains("4000×400", "too long and thin");
    assertThat(problem.fix()).contains("Crop");
  }

  @Test
  void aClipShorterThanTwoSecondsCannotBeFixedButOtherProblemsAreStillListed() {
    VideoCheck check = rules.check(video("mp4", "h264", 1_500, 25, 1280, 720));

    assertThat(check.problems())
        .extracting(VideoProblem::kind)
        .containsExactly(ProblemKind.DURATION, ProblemKind.FRAME_RATE);
    assertThat(check.problems().get(0).fixable()).isFalse();
    assertThat(check.problems().get(0).message()).contains("1.5 s");
    assertThat(check.fixable()).isFalse();
    assertThat(check.plan()).isNull();
  }

  @ParameterizedTest
  @CsvSource({
    "6000, 5000, 6.0 s",
    "5005, 5000, 5.005 s",
    "6999, 5000, 6.999 s",
    "12000, 10000, 12.0 s"
  })
  void lengthsOutsideTheRangesAreTrimmed(long millis, long trimmed, String shown) {
    VideoCheck check = rules.check(video("mp4", "h264", millis, 30, 1280, 720));

    assertThat(check.plan().trimToMillis()).isEqualTo(trimmed);
    assertThat(check.changes())
        .containsExactly("length " + shown + " → " + (trimmed / 1000) + " s");
  }

  @ParameterizedTest
  @CsvSource({"2000", "3500", "5000", "7000", "10000"})
  void lengthsOnTheEdgesOfTheRangesPass(long millis) {
    assertThat(rules.check(video("mp4", "h264", millis, 30, 1280, 720)).ok()).isTrue();
  }

  @Test
  void aFileOverTheSizeLimitCannotBeFixed() {
    VideoInfo big = new VideoInfo("mp4", "h264", 5_000, 30, 1280, 720, 150, 300L << 20, false, 0);

    VideoCheck check = new VideoRules(200L << 20).check(big);

    assertThat(check.problems())
        .extracting(VideoProblem::kind)
        .containsExactly(ProblemKind.FILE_SIZE);
    assertThat(check.problems().get(0).message())
        .isEqualTo("The file is 300 MB; the limit is 200 MB.");
    assertThat(check.fixable()).isFalse();
  }

  @Test
  void oddSidesBecomeEvenWhenTheVideoIsEncodedAgain() {
    VideoCheck check = rules.check(video("mp4", "h264", 5_000, 25, 1281, 721));

    assertThat(check.plan().targetWidth()).isEqualTo(1280);
    assertThat(check.plan().targetHeight()).isEqualTo(720);
  }

  @Test
  void oddSidesAreLeftAloneWhenOnlyRepackaging() {
    VideoCheck check = rules.check(video("avi", "h264", 5_000, 30, 1281, 721));

    assertThat(check.plan().reencode()).isFalse();
    assertThat(check.plan().scales()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "2000, FIVE",
    "5000, FIVE",
    "6000, FIVE",
    "6999, FIVE",
    "7000, TEN",
    "7400, TEN",
    "10000, TEN",
    "12000, TEN"
  })
  void outputDurationPairsShortClipsWithFiveAndLongClipsWithTen(
      long millis, TaskDuration expected) {
    assertThat(OutputDuration.choose(video("mp4", "h264", millis, 30, 1280, 720)))
        .isEqualTo(expected);
  }

  @Test
  void aPlanThatChangesPicturesMustReencode() {
    assertThatThrownBy(
            () -> new ConformPlan("mp4", false, 30.0, null, null, null, java.util.List.of(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aVideoFarBeyondKlingsSizeIsRefusedInsteadOfOfferedAConform() {
    // issue 12: a 752 KB 16000×16000 clip was offered a conform that took 90 s and 6.7 GB
    VideoInfo huge =
        new VideoInfo("mp4", "h264", 5_000, 30, 16_000, 16_000, 150, 770_000, false, 0);

    VideoCheck check = rules.check(huge);

    assertCannotBeFixed(check);
    assertThat(check.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.message())
                  .contains("16000×16000")
                  .contains("far beyond it")
                  .contains("larger than 4320 pixels a side");
              assertThat(problem.fixable()).isFalse();
            });
  }

  @Test
  void twiceKlingsLargestSideIsStillScaledDownButOneMorePixelIsNot() {
    assertThat(rules.check(video("mp4", "h264", 5_000, 30, 4320, 2430)).fixable()).isTrue();
    assertThat(rules.check(video("mp4", "h264", 5_000, 30, 4322, 2430)).fixable()).isFalse();
    assertThat(rules.check(video("mp4", "h264", 5_000, 30, 1280, 4400)).fixable()).isFalse();
  }

  @Test
  void absurdFrameRatesAndFrameCountsAreRefusedInsteadOfOfferedAConform() {
    VideoCheck fast = rules.check(video("mp4", "h264", 5_000, 1000, 1280, 720));
    VideoInfo endless =
        new VideoInfo("mp4", "h264", 5_000, 30, 1280, 720, 5_000_000, 1_000, false, 0);

    assertThat(fast.fixable()).isFalse();
    assertThat(fast.problems().get(0).message()).contains("1000 fps", "far beyond");
    assertThat(rules.check(endless).fixable()).isFalse();
    assertThat(rules.check(endless).problems().get(0).message()).contains("5000000 frames");
    assertThat(rules.check(video("mp4", "h264", 5_000, 120, 1280, 720)).fixable()).isTrue();
  }

  /** Asserts that {@code check} found a problem no conform can fix, so it offers no plan. */
  private static void assertCannotBeFixed(VideoCheck check) {
    assertThat(check.ok()).isFalse();
    assertThat(check.fixable()).isFalse();
    assertThat(check.plan()).isNull();
  }
}
