package dev.klingbot.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Portrait phone videos are stored landscape with a rotation flag; the bot turns them upright. */
class RotationTest {
  @TempDir Path dir;

  /**
   * A 1280×720 landscape recording flagged to be shown turned 90° clockwise (a portrait phone
   * video).
   */
  private Path phoneVideo() throws Exception {
    Path file = dir.resolve("phone.mp4");
    try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 1280, 720, 0);
        Java2DFrameConverter converter = new Java2DFrameConverter()) {
      recorder.setFormat("mp4");
      recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
      recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
      recorder.setFrameRate(30);
      recorder.setDisplayRotation(-90);
      recorder.start();
      BufferedImage image = new BufferedImage(1280, 720, BufferedImage.TYPE_3BYTE_BGR);
      Graphics2D graphics = image.createGraphics();
      graphics.setColor(Color.DARK_GRAY);
      graphics.fillRect(0, 0, 1280, 720);
      // a red block at the stored picture's left edge: upright, it must be at the top
      graphics.setColor(Color.RED);
      graphics.fillRect(0, 0, 200, 720);
      graphics.dispose();
      for (int i = 0; i < 90; i++) {
        recorder.record(converter.convert(image), avutil.AV_PIX_FMT_BGR24);
      }
      recorder.stop();
    }
    return file;
  }

  @Test
  void aRotationFlagIsAProblemTheBotFixesByTurningThePicturesUpright() throws Exception {
    Path phone = phoneVideo();
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
    BufferedImage frame = new FrameExtractor().frame(upright, 10);
    Color top = new Color(frame.getRGB(360, 50));
    Color bottom = new Color(frame.getRGB(360, 1200));
    assertThat(top.getRed()).isGreaterThan(180);
    assertThat(top.getGreen()).isLessThan(80);
    assertThat(bottom.getRed()).isLessThan(120);
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
