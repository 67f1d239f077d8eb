package dev.klingbot.benchmarks;

import dev.klingbot.kling.mask.CocoRle;
import dev.klingbot.kling.mask.MaskBitmap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Decoding the masks Kling answers for every marked point (COCO compressed RLE), at video sizes.
 * {@code sdk} is the kling-client decoder the bot uses; {@code baseline} is {@link NaiveRle}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RleDecodeBenchmark {
  @Param({"1280x720", "1920x1080", "3840x2160"})
  public String size;

  private int width;
  private int height;
  private String counts;

  @Setup
  public void setUp() {
    String[] parts = size.split("x");
    width = Integer.parseInt(parts[0]);
    height = Integer.parseInt(parts[1]);
    MaskBitmap mask = new MaskBitmap(width, height);
    long a = width / 6;
    long b = height / 5;
    long cx = width / 2;
    long cy = height / 2;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if ((x - cx) * (x - cx) * b * b + (y - cy) * (y - cy) * a * a <= a * a * b * b) {
          mask.set(x, y, true);
        }
      }
    }
    counts = CocoRle.encode(mask);
  }

  @Benchmark
  public MaskBitmap sdk() {
    return CocoRle.decode(counts, height, width);
  }

  @Benchmark
  public boolean[][] baseline() {
    return NaiveRle.decode(counts, height, width);
  }
}
