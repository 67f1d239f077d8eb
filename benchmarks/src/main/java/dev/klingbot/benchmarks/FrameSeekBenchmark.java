package dev.klingbot.benchmarks;

import dev.klingbot.core.media.FrameExtractor;
import dev.klingbot.simulator.SampleVideos;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Getting frame N of a 10 s 720p clip (the grid, the mask overlay and the selection page ask for
 * frames all the time). {@code extractor} is the bot's {@link FrameExtractor} (seeks by time);
 * {@code baseline} decodes from the start up to the frame.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FrameSeekBenchmark {
  @Param({"10", "150", "290"})
  public int frame;

  private Path video;
  private final FrameExtractor extractor = new FrameExtractor();

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    video =
        SampleVideos.mp4(Files.createTempDirectory("bench").resolve("clip.mp4"), 1280, 720, 30, 10);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(video);
  }

  @Benchmark
  public BufferedImage extractor() {
    return extractor.frame(video, frame);
  }

  @Benchmark
  public BufferedImage baseline() throws Exception {
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
        Java2DFrameConverter converter = new Java2DFrameConverter()) {
      grabber.start();
      Frame image = null;
      for (int i = 0; i <= frame; i++) {
        image = grabber.grabImage();
      }
      return converter.getBufferedImage(image);
    }
  }
}
