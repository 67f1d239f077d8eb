package dev.klingbot.app.cli;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/** Small H.264 sample clips for the command tests, written once per test run. */
final class CliClips {
  private static final Map<String, Path> CLIPS = new HashMap<>();
  private static Path folder;

  private CliClips() {}

  /** 2 s, 1280×720, 30 fps MP4: ready for Kling. */
  static Path valid() {
    return clip("valid.mp4", 1280, 720, 30, 60);
  }

  /** 3 s, 640×360, 25 fps MP4: frame rate and size are wrong. */
  static Path fixable() {
    return clip("fixable.mp4", 640, 360, 25, 75);
  }

  /** 1 s, 1280×720, 30 fps MP4: too short. */
  static Path tooShort() {
    return clip("short.mp4", 1280, 720, 30, 30);
  }

  /** A text file named like a video. */
  static synchronized Path text() {
    return CLIPS.computeIfAbsent(
        "notes.mp4",
        name -> {
          try {
            return Files.writeString(folder().resolve(name), "not a video\n".repeat(50));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static synchronized Path clip(String name, int width, int height, int fps, int frames) {
    return CLIPS.computeIfAbsent(
        name, file -> write(folder().resolve(file), width, height, fps, frames));
  }

  private static Path write(Path file, int width, int height, int fps, int frames) {
    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
        Java2DFrameConverter converter = new Java2DFrameConverter()) {
      recorder.setFormat("mp4");
      recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
      recorder.setFrameRate(fps);
      recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
      recorder.setVideoBitrate(1_000_000);
      recorder.start();
      BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
      for (int i = 0; i < frames; i++) {
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.DARK_GRAY);
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(Color.ORANGE);
        graphics.fillOval(i * 8 % width, height / 3, height / 4, height / 4);
        graphics.dispose();
        recorder.record(converter.convert(image), avutil.AV_PIX_FMT_BGR24);
      }
      recorder.stop();
      return file;
    } catch (Exception e) {
      throw new IllegalStateException("cannot write sample clip " + file, e);
    }
  }

  private static Path folder() {
    if (folder == null) {
      try {
        folder = Files.createTempDirectory("klingbot-cli-test");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Path created = folder;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(created)));
    }
    return folder;
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // best effort
    }
  }
}
