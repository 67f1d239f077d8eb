package dev.klingbot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameRotationCommandTest {
  @TempDir Path dir;

  /** 1280×720 stored, flagged to be shown turned 90° clockwise; a red block on the stored left. */
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
      graphics.setColor(Color.RED);
      graphics.fillRect(0, 0, 200, 720);
      graphics.dispose();
      for (int i = 0; i < 60; i++) {
        recorder.record(converter.convert(image), avutil.AV_PIX_FMT_BGR24);
      }
      recorder.stop();
    }
    return file;
  }

  @Test
  void aPortraitPhoneVideosFrameIsWrittenUprightLikeConformWritesIt() throws Exception {
    Path plain = dir.resolve("frame.png");

    CommandRun run =
        CommandRun.of(
            new FrameCommand(), phoneVideo().toString(), "--index", "5", "--out", plain.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    BufferedImage frame = ImageIO.read(plain.toFile());
    assertThat(frame.getWidth()).isEqualTo(720);
    assertThat(frame.getHeight()).isEqualTo(1280);
    Color top = new Color(frame.getRGB(360, 50));
    Color bottom = new Color(frame.getRGB(360, 1200));
    assertThat(top.getRed()).isGreaterThan(180);
    assertThat(top.getGreen()).isLessThan(80);
    assertThat(bottom.getRed()).isLessThan(120);
  }

  @Test
  void writtenFilesGetThePermissionsTheUmaskAllowsNotOwnerOnly() throws Exception {
    Set<PosixFilePermission> usual =
        Files.getPosixFilePermissions(Files.createFile(dir.resolve("made-by-hand.txt")));
    Path plain = dir.resolve("plain.png");
    Path conformed = dir.resolve("conformed.mp4");

    CommandRun frame =
        CommandRun.of(new FrameCommand(), CliClips.valid().toString(), "--out", plain.toString());
    CommandRun conform =
        CommandRun.of(new ConformCommand(), CliClips.fixable().toString(), conformed.toString());

    assertThat(frame.exitCode()).isZero();
    assertThat(conform.exitCode()).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)))
        .isEqualTo(PosixFilePermissions.toString(usual));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(conformed)))
        .isEqualTo(PosixFilePermissions.toString(usual));
  }
}
