package dev.klingbot.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.testing.PhoneVideos;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Portrait phone videos are stored landscape with a rotation flag; the bot turns them upright. */
class RotationTest {
  @TempDir Path dir;

  @Test
  void aRotationFlagIsAProblemTheBotFixesByTurningThePicturesUpright() throws Exception {
    Path phone = PhoneVideos.write(dir.resolve("phone.mp4"), 90);
    VideoInfo info = new VideoProbe().probe(phone);

    assertThat(info.rotation()).isEqualTo(90);
    assertThat(info.displayWidth()).isEqualTo(720);
    assertThat(info.displayHeight()).isEqualTo(1280);
    VideoCheck check = new VideoRules().check(info);
    assertThat(check.ok()).isFalse();
    assertThat(check.fixable()).isTrue();
    assertThat(check.problems())
        .extracting(VideoProblem::kind)
        .containsExactly(ProblemKind.ROTATION);
    assertThat(check.plan().changes()).containsExactly("turn 90° upright");

    Path upright = dir.resolve("upright.mp4");
    VideoInfo after = new VideoConformer().conform(phone, upright, check.plan());

    assertThat(after.rotation()).isZero();
    assertThat(after.width()).isEqualTo(720);
    assertThat(after.height()).isEqualTo(1280);
    assertThat(new VideoRules().check(after).ok()).isTrue();
    PhoneVideos.assertUpright(new FrameExtractor().frame(upright, 10));
  }

  @Test
  void counterClockwiseMatricesBecomeClockwiseQuarterTurns() {
    assertThat(VideoProbe.clockwiseRotation(-90)).isEqualTo(90);
    assertThat(VideoProbe.clockwiseRotation(90)).isEqualTo(270);
    assertThat(VideoProbe.clockwiseRotation(180)).isEqualTo(180);
    assertThat(VideoProbe.clockwiseRotation(-180)).isEqualTo(180);
    assertThat(VideoProbe.clockwiseRotation(0)).isZero();
    assertThat(VideoProbe.clockwiseRotation(-0.0)).isZero();
    assertThat(VideoProbe.clockwiseRotation(Double.NaN)).isZero();
  }
}
