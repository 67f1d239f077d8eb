package dev.klingbot.simulator;

import dev.klingbot.simulator.media.VideoFormat;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/** Sample videos shared by every test in the JVM, written once on first use. */
final class TestMedia {
  private static final Path DIRECTORY = createDirectory();
  private static final Map<String, Path> CACHE = new ConcurrentHashMap<>();

  private TestMedia() {}

  private static Path createDirectory() {
    try {
      Path directory = Files.createTempDirectory("kling-sim-test-media-");
      directory.toFile().deleteOnExit();
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** 5 s, 1280x720, 30 fps, H.264 MP4: valid. */
  static Path good() {
    return mp4("good.mp4", 1280, 720, 30, 5);
  }

  /** 2 s, 1280x720, 30 fps: valid and quick to edit. */
  static Path shortClip() {
    return mp4("short.mp4", 1280, 720, 30, 2);
  }

  /** 2 s, 720x720, 24 fps: the cheapest valid clip. */
  static Path tiny() {
    return mp4("tiny.mp4", 720, 720, 24, 2);
  }

  static Path wrongFps() {
    return mp4("fps25.mp4", 1280, 720, 25, 2);
  }

  static Path tooShort() {
    return mp4("one-second.mp4", 1280, 720, 30, 1);
  }

  static Path sixSeconds() {
    return mp4("six-seconds.mp4", 720, 720, 24, 6);
  }

  static Path tooSmall() {
    return mp4("small.mp4", 640, 360, 30, 2);
  }

  static Path matroska() {
    return CACHE.computeIfAbsent(
        "clip.mkv", name -> write(name, VideoFormat.MKV_MPEG4, 1280, 720, 30, 2));
  }

  static Path notAVideo() {
    return CACHE.computeIfAbsent(
        "text.mp4",
        name -> {
          try {
            return SampleVideos.notAVideo(DIRECTORY.resolve(name));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** A small PNG reference image. */
  static Path image() {
    return CACHE.computeIfAbsent(
        "ref.png",
        name -> {
          try {
            BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(Color.MAGENTA);
            g.fillRect(0, 0, 64, 48);
            g.dispose();
            Path out = DIRECTORY.resolve(name);
            ImageIO.write(image, "png", out.toFile());
            return out;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static Path mp4(String name, int width, int height, double fps, double seconds) {
    return CACHE.computeIfAbsent(
        name, key -> write(key, VideoFormat.MP4_H264, width, height, fps, seconds));
  }

  private static Path write(
      String name, VideoFormat format, int width, int height, double fps, double seconds) {
    try {
      return SampleVideos.write(DIRECTORY.resolve(name), format, width, height, fps, seconds);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
