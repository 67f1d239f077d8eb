package dev.klingbot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.klingbot.core.testing.TestRecorders;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformCommandSafetyTest {
  @TempDir Path folder;

  @Test
  void conformingAFileOntoItselfIsRefusedAndTheSourceIsUntouched() throws Exception {
    Path source = Files.copy(CliClips.fixable(), folder.resolve("clip.mp4"));
    byte[] before = Files.readAllBytes(source);

    CommandRun run =
        CommandRun.klingbot("conform", source.toString(), folder.resolve("./clip.mp4").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("same file as IN").contains("clip-conformed.mp4");
    assertThat(run.err().lines().count()).isEqualTo(1);
    assertThat(Files.readAllBytes(source)).isEqualTo(before);
  }

  /** 3 s, 640×360, 25 fps with a sound track (a tone). */
  private Path clipWithSound() throws Exception {
    Path file = folder.resolve("sound.mp4");
    try (FFmpegFrameRecorder recorder = TestRecorders.h264Mp4(file, 640, 360, 25, 1);
        Java2DFrameConverter converter = new Java2DFrameConverter()) {
      recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
      recorder.setSampleRate(44_100);
      recorder.setAudioChannels(1);
      recorder.start();
      BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_3BYTE_BGR);
      Graphics2D graphics = image.createGraphics();
      graphics.setColor(Color.ORANGE);
      graphics.fillRect(100, 100, 80, 80);
      graphics.dispose();
      int samplesPerFrame = 44_100 / 25;
      for (int i = 0; i < 75; i++) {
        recorder.record(converter.convert(image), avutil.AV_PIX_FMT_BGR24);
        ShortBuffer tone = ShortBuffer.allocate(samplesPerFrame);
        for (int n = 0; n < samplesPerFrame; n++) {
          tone.put(
              (short) (8000 * Math.sin(2 * Math.PI * 440 * (i * samplesPerFrame + n) / 44_100.0)));
        }
        tone.flip();
        recorder.recordSamples(44_100, 1, tone);
      }
      recorder.stop();
    }
    return file;
  }

  @Test
  void saysWhenTheSoundTrackIsDropped() throws Exception {
    Path out = folder.resolve("quiet.mp4");

    CommandRun run =
        CommandRun.of(new ConformCommand(), clipWithSound().toString(), out.toString());
    CommandRun json =
        CommandRun.of(
            new ConformCommand(),
            "--json",
            clipWithSound().toString(),
            folder.resolve("q2.mp4").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("sound track dropped");
    assertThat(new ObjectMapper().readTree(json.out()).get("sound_dropped").asBoolean()).isTrue();
  }

  @Test
  void sayWhatItIsConvertingBeforeItStartsAndKeepsReportingWhileItRuns() {
    Path out = folder.resolve("out.mp4");
    ConformCommand command = new ConformCommand();
    command.tick = Duration.ofMillis(1);

    CommandRun run = CommandRun.of(command, CliClips.fixable().toString(), out.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.err())
        .startsWith("Converting " + CliClips.fixable())
        .contains("frame rate 25 → 24 fps")
        .contains("still converting");
    assertThat(run.out()).contains("Wrote " + out).doesNotContain("sound track dropped");
  }
}
