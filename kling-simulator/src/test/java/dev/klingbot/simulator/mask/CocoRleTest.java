package dev.klingbot.simulator.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CocoRleTest {
  private static JsonNode vectors() throws IOException {
    try (InputStream in = CocoRleTest.class.getResourceAsStream("/coco-rle.json")) {
      return new ObjectMapper().readTree(in).path("vectors");
    }
  }

  @Test
  void decodesEveryVectorToItsPixelsAndEncodesItBack() throws IOException {
    List<String> checked = new ArrayList<>();
    for (JsonNode vector : vectors()) {
      int height = vector.path("rle").path("size").get(0).asInt();
      int width = vector.path("rle").path("size").get(1).asInt();
      String counts = vector.path("rle").path("counts").asText();

      BinaryMask mask = CocoRle.decode(counts, height, width);

      assertThat(mask.width()).isEqualTo(width);
      assertThat(mask.height()).isEqualTo(height);
      if (vector.has("runs")) {
        long[] runs = new long[vector.path("runs").size()];
        for (int i = 0; i < runs.length; i++) {
          runs[i] = vector.path("runs").get(i).asLong();
        }
        assertThat(CocoRle.runsFromString(counts)).containsExactly(runs);
        assertThat(CocoRle.runs(mask)).containsExactly(runs);
      }
      if (vector.has("rows")) {
        for (int y = 0; y < height; y++) {
          String row = vector.path("rows").get(y).asText();
          for (int x = 0; x < width; x++) {
            assertThat(mask.get(x, y))
                .as("%s (%d,%d)", vector.path("name"), x, y)
                .isEqualTo(row.charAt(x) == '1');
          }
        }
      }
      if (vector.has("shape")) {
        assertThat(mask).isEqualTo(shape(vector.path("shape"), width, height));
      }
      if (vector.has("pixels_set")) {
        assertThat(mask.area()).isEqualTo(vector.path("pixels_set").asInt());
      }
      assertThat(CocoRle.encode(mask)).isEqualTo(counts);
      checked.add(vector.path("name").asText());
    }
    assertThat(checked)
        .contains("tiny-6x8", "ellipse-1920x1080", "empty-720x1280", "full-720x1280");
  }

  private static BinaryMask shape(JsonNode shape, int width, int height) {
    boolean[] pixels = new boolean[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        boolean set;
        if (shape.path("type").asText().equals("rect")) {
          set =
              shape.path("x0").asInt() <= x
                  && x < shape.path("x1").asInt()
                  && shape.path("y0").asInt() <= y
                  && y < shape.path("y1").asInt();
        } else {
          long cx = shape.path("cx").asLong();
          long cy = shape.path("cy").asLong();
          long a = shape.path("a").asLong();
          long b = shape.path("b").asLong();
          set = (x - cx) * (x - cx) * b * b + (y - cy) * (y - cy) * a * a <= a * a * b * b;
        }
        pixels[y * width + x] = set;
      }
    }
    return BinaryMask.of(width, height, pixels);
  }

  @Test
  void roundTripsRandomMasks() {
    Random random = new Random(7);
    for (int trial = 0; trial < 50; trial++) {
      int width = 1 + random.nextInt(40);
      int height = 1 + random.nextInt(40);
      boolean[] pixels = new boolean[width * height];
      double density = random.nextDouble();
      for (int i = 0; i < pixels.length; i++) {
        pixels[i] = random.nextDouble() < density;
      }
      BinaryMask mask = BinaryMask.of(width, height, pixels);
      assertThat(CocoRle.decode(CocoRle.encode(mask), height, width)).isEqualTo(mask);
    }
  }

  @Test
  void encodesLargeAndNegativeDeltas() {
    long[] runs = {0, 1_000_000, 3, 2, 999_990, 5};
    assertThat(CocoRle.runsFromString(CocoRle.runsToString(runs))).containsExactly(runs);
  }

  @Test
  void rejectsCountsThatDoNotCoverTheMask() {
    assertThatThrownBy(() -> CocoRle.decode("5150", 6, 8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("runs cover");
    assertThatThrownBy(() -> CocoRle.decode("5 1", 6, 8))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
