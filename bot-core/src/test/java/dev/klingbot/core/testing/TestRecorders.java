package dev.klingbot.core.testing;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/** FFmpeg recorders for the clips tests write themselves. */
public final class TestRecorders {
  private TestRecorders() {}

  /**
   * A recorder of an H.264 MP4 (YUV 4:2:0) with {@code audioChannels} sound channels (0: none), not
   * started yet, so that callers can set more before {@code start()}.
   */
  public static FFmpegFrameRecorder h264Mp4(
      Path file, int width, int height, double fps, int audioChannels) {
    FFmpegFrameRecorder recorder =
        new FFmpegFrameRecorder(file.toFile(), width, height, audioChannels);
    recorder.setFormat("mp4");
    recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
    recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
    recorder.setFrameRate(fps);
    return recorder;
  }

  /** Draws picture {@code index} of a clip on a fresh canvas of the recorder's size. */
  @FunctionalInterface
  public interface Painter {
    void paint(Graphics2D graphics, int index);
  }

  /**
   * Starts {@code recorder}, records {@code frames} pictures drawn by {@code painter}, stops it.
   */
  public static void record(FFmpegFrameRecorder recorder, int frames, Painter painter)
      throws Exception {
    try (Java2DFrameConverter converter = new Java2DFrameConverter()) {
      recorder.start();
      BufferedImage image =
          new BufferedImage(
              recorder.getImageWidth(), recorder.getImageHeight(), BufferedImage.TYPE_3BYTE_BGR);
      for (int i = 0; i < frames; i++) {
        Graphics2D graphics = image.createGraphics();
        painter.paint(graphics, i);
        graphics.dispose();
        recorder.record(converter.convert(image), avutil.AV_PIX_FMT_BGR24);
      }
      recorder.stop();
    }
  }
}
