package dev.klingbot.kling.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CocoRleTest {
  static Stream<Arguments> vectors() throws IOException {
    try (InputStream in = CocoRleTest.class.getResourceAsStream("/coco-rle.json")) {
      JsonNode root = new ObjectMapper().readTree(in);
      List<Arguments> vectors = new ArrayList<>();
      for (JsonNode vector : root.path("vectors")) {
        vectors.add(Arguments.of(vector.path("name").asText(), vector));
      }
      assertThat(vectors).hasSize(5);
      return vectors.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void decodesEveryVectorToExactlyThePixelsItDescribes(String name, JsonNode vector) {
    int height = vector.path("rle").path("size").get(0).asInt();
    int width = vector.path("rle").path("size").get(1).asInt();
    String counts = vector.path("rle").path("counts").asText();

    MaskBitmap mask = CocoRle.decode(counts, height, width);

    assertThat(mask.width()).isEqualTo(width);
    assertThat(mask.height()).isEqualTo(height);
    MaskBitmap expected = expectedMask(vector, width, height);
    if (expected != null) {
      assertThat(mask).isEqualTo(expected);
    }
    if (vector.has("runs")) {
      int[] runs = new int[vector.path("runs").size()];
      for (int i = 0; i < runs.length; i++) {
        runs[i] = vector.path("runs").get(i).asInt();
      }
      assertThat(CocoRle.runs(counts)).containsExactly(runs);
      assertThat(CocoRle.runs(mask)).containsExactly(runs);
    }
    if (vector.has("pixels_set")) {
      assertThat(mask.count()).isEqualTo(vector.path("pixels_set").asInt());
    }
    assertThat(CocoRle.encode(mask)).isEqualTo(counts);
  }

  @Test
  void everyVectorHasAPixelDescription() throws IOException {
    assertThat(vectors())
        .allSatisfy(
            arguments -> {
              JsonNode vector = (JsonNode) arguments.get()[1];
              assertThat(vector.has("rows") || vector.has("shape") || vector.has("runs")).isTrue();
            });
  }

  @Test
  void tinyVectorRowsAreRowMajorWhileRunsAreColumnMajor() {
    MaskBitmap mask = CocoRle.decode("5150L131O01O9O", 6, 8);
    assertThat(mask.get(2, 1)).isTrue();
    assertThat(mask.get(0, 5)).isTrue();
    assertThat(mask.get(7, 5)).isTrue();
    assertThat(mask.get(0, 0)).isFalse();
    assertThat(mask.count()).isEqualTo(13);
  }

  @ParameterizedTest(name = "{0}x{1}")
  @MethodSource("videoSizes")
  void roundTripsRandomBlobsOnRealVideoSizes(int width, int height) {
    Random random = new Random(20240611L + width * 31L + height);
    MaskBitmap mask = new MaskBitmap(width, height);
    for (int blob = 0; blob < 6; blob++) {
      drawEllipse(
          mask,
          random.nextInt(width),
          random.nextInt(height),
          1 + random.nextInt(Math.max(1, width / 4)),
          1 + random.nextInt(Math.max(1, height / 4)));
    }
    for (int speck = 0; speck < 200; speck++) {
      mask.set(random.nextInt(width), random.nextInt(height), true);
    }

    String counts = CocoRle.encode(mask);

    assertThat(CocoRle.decode(counts, height, width)).isEqualTo(mask);
    assertThat(CocoRle.encode(CocoRle.decode(counts, height, width))).isEqualTo(counts);
  }

  @ParameterizedTest(name = "{0}x{1}")
  @MethodSource("videoSizes")
  void roundTripsEmptyAndFullMasks(int width, int height) {
    MaskBitmap empty = new MaskBitmap(width, height);
    MaskBitmap full = new MaskBitmap(width, height);
    for (int y = 0; y < height; y++) {
      full.setRow(y, 0, width);
    }

    assertThat(CocoRle.runs(empty)).containsExactly(width * height);
    assertThat(CocoRle.runs(full)).containsExactly(0, width * height);
    assertThat(CocoRle.decode(CocoRle.encode(empty), height, width)).isEqualTo(empty);
    assertThat(CocoRle.decode(CocoRle.encode(full), height, width)).isEqualTo(full);
    assertThat(CocoRle.decode(CocoRle.encode(full), height, width).count())
        .isEqualTo(width * height);
  }

  @Test
  void roundTripsRunsWithLargeNegativeAndPositiveDeltas() {
    int[] runs = {0, 1, 100000, 3, 2, 99999, 17, 1, 1, 8_294_400};
    String counts = CocoRle.encodeRuns(runs);
    assertThat(CocoRle.runs(counts)).containsExactly(runs);
  }

  @Test
  void refusesCountsThatDoNotMatchTheSize() {
    assertThatThrownBy(() -> CocoRle.decode("5150L131O01O9O", 8, 7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("describe 48 pixels")
        .hasMessageContaining("check the size");
  }

  @Test
  void refusesInvalidCharactersAndTruncatedNumbers() {
    assertThatThrownBy(() -> CocoRle.runs("5 1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("' ' at 1");
    assertThatThrownBy(() -> CocoRle.runs("P"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cut short");
  }

  static Stream<Arguments> videoSizes() {
    return Stream.of(
        Arguments.of(1280, 720),
        Arguments.of(720, 1280),
        Arguments.of(1920, 1080),
        Arguments.of(3840, 2160),
        Arguments.of(8, 6),
        Arguments.of(1, 1));
  }

  private static MaskBitmap expectedMask(JsonNode vector, int width, int height) {
    MaskBitmap expected = new MaskBitmap(width, height);
    if (vector.has("rows")) {
      JsonNode rows = vector.path("rows");
      assertThat(rows.size()).isEqualTo(height);
      for (int y = 0; y < height; y++) {
        String row = rows.get(y).asText();
        assertThat(row).hasSize(width);
        for (int x = 0; x < width; x++) {
          expected.set(x, y, row.charAt(x) == '1');
        }
      }
      return expected;
    }
    JsonNode shape = vector.path("shape");
    if (shape.path("type").asText().equals("rect")) {
      for (int y = shape.path("y0").asInt(); y < shape.path("y1").asInt(); y++) {
        expected.setRow(y, shape.path("x0").asInt(), shape.path("x1").asInt());
      }
      return expected;
    }
    if (shape.path("type").asText().equals("ellipse")) {
      long cx = shape.path("cx").asLong();
      long cy = shape.path("cy").asLong();
      long a = shape.path("a").asLong();
      long b = shape.path("b").asLong();
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          long dx = x - cx;
          long dy = y - cy;
          expected.set(x, y, dx * dx * b * b + dy * dy * a * a <= a * a * b * b);
        }
      }
      return expected;
    }
    if (vector.has("runs")) {
      return null;
    }
    throw new AssertionError("vector " + vector.path("name") + " describes no pixels");
  }

  private static void drawEllipse(MaskBitmap mask, int cx, int cy, int a, int b) {
    for (int y = Math.max(0, cy - b); y <= Math.min(mask.height() - 1, cy + b); y++) {
      for (int x = Math.max(0, cx - a); x <= Math.min(mask.width() - 1, cx + a); x++) {
        long dx = x - cx;
        long dy = y - cy;
        if (dx * dx * b * b + dy * dy * a * a <= (long) a * a * b * b) {
          mask.set(x, y, true);
        }
      }
    }
  }
}
