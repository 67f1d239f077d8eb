package dev.klingbot.core.testing;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;

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
}
