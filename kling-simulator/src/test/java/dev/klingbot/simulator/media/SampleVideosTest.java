package dev.klingbot.simulator.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.klingbot.simulator.SampleVideos;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleVideosTest {
  @TempDir Path temp;

  @Test
  void writesAnH264Mp4WithTheAskedShape() throws IOException {
    Path video = SampleVideos.mp4(temp.resolve("a.mp4"), 720, 720, 24, 2);
    VideoInfo info = VideoProbe.probe(video);
    assertThat(info.isMp4OrMov()).isTrue();
    assertThat(info.codec()).isEqualTo("h264");
    assertThat(info.width()).isEqualTo(720);
    assertThat(info.fps()).isEqualTo(24.0);
    assertThat(info.durationMillis()).isEqualTo(2000);
    assertThat(info.frameCount()).isEqualTo(48);

    BufferedImage frame = FrameReader.readFrame(video, 0);
    int ball = frame.getRGB((int) (0.2 * 719), 360);
    assertThat((ball >> 16) & 0xff).as("red of the orange ball").isGreaterThan(200);
  }

  @Test
  void writesNonConformingContainers() throws IOException {
    VideoInfo webm =
        VideoProbe.probe(
            SampleVideos.write(temp.resolve("b.webm"), VideoFormat.WEBM_VP8, 640, 360, 25, 1));
    assertThat(webm.format()).contains("webm");
    assertThat(webm.codec()).isEqualTo("vp8");
    assertThat(webm.isMp4OrMov()).isFalse();

    VideoInfo mov =
        VideoProbe.probe(
            SampleVideos.write(temp.resolve("c.mov"), VideoFormat.MOV_H264, 720, 720, 30, 1));
    assertThat(mov.isMp4OrMov()).isTrue();
    assertThat(mov.majorBrand()).startsWith("qt");
  }

  @Test
  void probeRefusesNonVideos() throws IOException {
    Path text = SampleVideos.notAVideo(temp.resolve("x.mp4"));
    assertThatThrownBy(() -> VideoProbe.probe(text)).isInstanceOf(IOException.class);
  }
}
