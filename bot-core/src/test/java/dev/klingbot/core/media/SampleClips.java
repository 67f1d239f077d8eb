package dev.klingbot.core.media;

import dev.klingbot.core.testing.RunFolder;
import dev.klingbot.core.testing.TestRecorders;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;

/**
 * Small sample clips for the tests, written once per test run (shared by the test classes) into a
 * temporary folder: a bright square moving across a dark background, so that frames differ.
 */
final class SampleClips {
  private static final RunFolder FOLDER = new RunFolder("klingbot-media-test");

  private SampleClips() {}

  /** 5 s, 1280×720, 30 fps, H.264 MP4: meets every rule. */
  static Path valid5sMp4() {
    return clip("valid-5s.mp4", "mp4", avcodec.AV_CODEC_ID_H264, 1280, 720, 30, 150);
  }

  /** 10 s, 720×720, 24 fps, H.264 MOV: meets every rule. */
  static Path valid10sMov() {
    return clip("valid-10s.mov", "mov", avcodec.AV_CODEC_ID_H264, 720, 720, 24, 240);
  }

  /** 12 s, 640×360, 25 fps, H.264 MP4: length, frame rate and size are wrong. */
  static Path small25fps12s() {
    return clip("small-25fps-12s.mp4", "mp4", avcodec.AV_CODEC_ID_H264, 640, 360, 25, 300);
  }

  /** 2.5 s, 1280×720, 29.97 fps, H.264 MP4. */
  static Path ntsc() {
    return clip("ntsc.mp4", "mp4", avcodec.AV_CODEC_ID_H264, 1280, 720, 30000.0 / 1001, 75);
  }

  /** 6 s, 720×720, 30 fps, H.264 MP4: between the two allowed lengths. */
  static Path sixSeconds() {
    return clip("six-seconds.mp4", "mp4", avcodec.AV_CODEC_ID_H264, 720, 720, 30, 180);
  }

  /** 1.5 s, 1280×720, 30 fps, H.264 MP4: too short. */
  static Path tooShort() {
    return clip("too-short.mp4", "mp4", avcodec.AV_CODEC_ID_H264, 1280, 720, 30, 45);
  }

  /** 2 s, 4000×400, 24 fps, H.264 MP4: a shape that cannot be scaled into 720–2160. */
  static Path tooWide() {
    return clip("too-wide.mp4", "mp4", avcodec.AV_CODEC_ID_H264, 4000, 400, 24, 48);
  }

  /** 3 s, 640×360, 30 fps, VP8 WebM. */
  static Path webm() {
    return clip("clip.webm", "webm", avcodec.AV_CODEC_ID_VP8, 640, 360, 30, 90);
  }

  /** 3 s, 1280×720, 30 fps, H.264 in Matroska: only the container is wrong. */
  static Path h264Mkv() {
    return clip("h264.mkv", "matroska", avcodec.AV_CODEC_ID_H264, 1280, 720, 30, 90);
  }

  /** 3 s, 1280×720, 30 fps, MPEG-4 Part 2 in MP4: only the codec is wrong. */
  static Path mpeg4Mp4() {
    return clip("mpeg4.mp4", "mp4", avcodec.AV_CODEC_ID_MPEG4, 1280, 720, 30, 90);
  }

  /** A text file named like a video. */
  static Path textNamedMp4() {
    return FOLDER.file(
        "notes.mp4",
        file ->
            Files.writeString(
                file,
                "shopping list: milk, eggs, a video of a cat\n".repeat(20),
                StandardCharsets.UTF_8));
  }

  /** The x position of the moving square in frame {@code index} of a {@code width} wide clip. */
  static int squareX(int index, int width) {
    int side = squareSide(width);
    return (index * 7) % Math.max(1, width - side);
  }

  static int squareSide(int width) {
    return Math.max(16, width / 10);
  }

  private static Path clip(
      String name, String format, int codec, int width, int height, double fps, int frames) {
    return FOLDER.file(name, file -> write(file, format, codec, width, height, fps, frames));
  }

  /** Writes a clip of {@code frames} frames with a moving square. */
  static Path write(
      Path file, String format, int codec, int width, int height, double fps, int frames) {
    Ffmpeg.init();
    try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0)) {
      recorder.setFormat(format);
      recorder.setVideoCodec(codec);
      recorder.setFrameRate(fps);
      recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
      recorder.setVideoBitrate(1_000_000);
      if (codec == avcodec.AV_CODEC_ID_VP8) {
        recorder.setVideoOption("deadline", "realtime");
        recorder.setVideoOption("cpu-used", "8");
      }
      int side = squareSide(width);
      TestRecorders.record(
          recorder,
          frames,
          (graphics, i) -> {
            graphics.setColor(new Color(30, 40, 60));
            graphics.fillRect(0, 0, width, height);
            graphics.setColor(new Color(250, 200, 40));
            graphics.fillRect(squareX(i, width), (height - side) / 2, side, side);
          });
      return file;
    } catch (Exception e) {
      throw new IllegalStateException("cannot write sample clip " + file, e);
    }
  }
}
