package dev.klingbot.core.media;

import static dev.klingbot.core.media.MediaAssertions.assertMediaProblem;
import static dev.klingbot.core.media.MediaAssertions.assertVideo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoProbeTest {
  private final VideoProbe probe = new VideoProbe();

  @TempDir Path folder;

  @Test
  void readsTheFactsOfAnMp4() {
    Path file = SampleClips.valid5sMp4();

    VideoInfo info = probe.probe(file);

    assertVideo(info, "mp4", "h264", 5_000, 30.0, 1280, 720, 150);
    assertThat(info.sizeBytes()).isEqualTo(file.toFile().length());
    assertThat(info.hasAudio()).isFalse();
    assertThat(info.summary()).isEqualTo("MP4, H.264, 5.0 s, 30 fps, 1280×720");
  }

  @Test
  void tellsMovFromMp4() {
    VideoInfo info = probe.probe(SampleClips.valid10sMov());

    assertThat(info.container()).isEqualTo("mov");
    assertThat(info.durationMillis()).isEqualTo(10_000);
    assertThat(info.fps()).isEqualTo(24.0);
  }

  @Test
  void readsWebm() {
    VideoInfo info = probe.probe(SampleClips.webm());

    assertThat(info.container()).isEqualTo("matroska,webm");
    assertThat(info.containerLabel()).isEqualTo("WebM");
    assertThat(info.videoCodec()).isEqualTo("vp8");
    assertThat(info.durationMillis()).isCloseTo(3_000, within(50L));
  }

  @Test
  void readsNtscFrameRate() {
    assertThat(probe.probe(SampleClips.ntsc()).fps()).isCloseTo(29.97, within(0.001));
  }

  @Test
  void aTextFileIsNotAVideo() {
    assertMediaProblem(() -> probe.probe(SampleClips.textNamedMp4()), MediaProblem.NOT_A_VIDEO)
        .isEqualTo("This file is not a video (or it is damaged). Upload an MP4 or MOV clip.");
  }

  @Test
  void aPictureIsNotAVideo() throws Exception {
    Path file = folder.resolve("picture.mp4");
    ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "png", file.toFile());

    assertMediaProblem(() -> probe.probe(file), MediaProblem.NOT_A_VIDEO).contains("still picture");
  }

  @Test
  void soundWithoutPicturesHasNoVideoStream() throws Exception {
    Path file = folder.resolve("sound.mp4");
    try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 1)) {
      recorder.setFormat("mp4");
      recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
      recorder.setSampleRate(44_100);
      recorder.start();
      for (int i = 0; i < 20; i++) {
        recorder.recordSamples(44_100, 1, ShortBuffer.wrap(new short[2205]));
      }
      recorder.stop();
    }

    assertMediaProblem(() -> probe.probe(file), MediaProblem.NO_VIDEO_STREAM)
        .contains("sound but no picture");
  }

  @Test
  void anEmptyFileIsNotAVideo() throws Exception {
    Path file = Files.createFile(folder.resolve("empty.mov"));

    assertMediaProblem(() -> probe.probe(file), MediaProblem.NOT_A_VIDEO);
  }

  @Test
  void aMissingFileIsReported() {
    assertMediaProblem(
            () -> probe.probe(folder.resolve("nowhere.mp4")), MediaProblem.FILE_NOT_FOUND)
        .contains("nowhere.mp4");
  }

  @Test
  void containerNamesComeFromTheBrand() {
    Path any = Path.of("clip.mp4");
    assertThat(VideoProbe.container("mov,mp4,m4a,3gp,3g2,mj2", "qt  ", any)).isEqualTo("mov");
    assertThat(VideoProbe.container("mov,mp4,m4a,3gp,3g2,mj2", "isom", any)).isEqualTo("mp4");
    assertThat(VideoProbe.container("mov,mp4,m4a,3gp,3g2,mj2", "3gp5", any)).isEqualTo("3gp");
    assertThat(VideoProbe.container("mov,mp4,m4a,3gp,3g2,mj2", null, Path.of("a.MOV")))
        .isEqualTo("mov");
    assertThat(VideoProbe.container("avi", null, any)).isEqualTo("avi");
  }
}
