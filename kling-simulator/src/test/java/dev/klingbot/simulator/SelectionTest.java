package dev.klingbot.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.klingbot.simulator.mask.BinaryMask;
import dev.klingbot.simulator.mask.CocoRle;
import dev.klingbot.simulator.mask.MaskPng;
import java.util.Base64;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SelectionTest {
  @AutoClose
  private static final KlingSimulator simulator = Api.started(SimulatorOptions.defaults());

  private static final Api api = Api.of(simulator);
  private static final String videoUrl = simulator.publishFile(TestMedia.good());
  private String sessionId;

  @BeforeEach
  void newSession() {
    sessionId = api.session(videoUrl);
  }

  @Test
  void addSelectionAnswersTheMaskOfTheClickedBall() throws Exception {
    SelectionPoint ball = SampleVideos.ballCentre(10, 150);

    Api.Response response = api.addSelection(sessionId, 10, ball.x(), ball.y());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.code()).isZero();
    JsonNode data = response.data();
    assertThat(data.path("status").asInt()).isZero();
    assertThat(data.path("session_id").asText()).isEqualTo(sessionId);
    assertThat(data.path("res").path("frame_index").asInt()).isEqualTo(10);
    JsonNode entry = data.path("res").path("rle_mask_list").get(0);
    assertThat(entry.path("object_id").asInt()).isEqualTo(1);
    assertThat(entry.path("rle_mask").path("size").toString()).isEqualTo("[720,1280]");
    assertThat(entry.path("png_mask").path("size").toString()).isEqualTo("[720,1280]");

    BinaryMask mask = decode(entry);
    int x = (int) Math.round(ball.x() * 1279);
    int y = (int) Math.round(ball.y() * 719);
    assertThat(mask.get(x, y)).isTrue();
    double ballArea = Math.PI * 90 * 90;
    assertThat((double) mask.area()).isBetween(ballArea * 0.85, ballArea * 1.15);
    assertThat(mask.get(x + 120, y)).isFalse();
    BinaryMask png =
        MaskPng.decode(Base64.getDecoder().decode(entry.path("png_mask").path("base64").asText()));
    assertThat(png).isEqualTo(mask);
    assertThat(simulator.sessions())
        .filteredOn(s -> s.sessionId().equals(sessionId))
        .singleElement()
        .satisfies(s -> assertThat(s.points()).containsKey(10));
  }

  @Test
  void pointsOnOneFrameAddUp() {
    SelectionPoint ball = SampleVideos.ballCentre(0, 150);
    SelectionPoint square = SampleVideos.squareCentre();
    BinaryMask one = decode(first(api.addSelection(sessionId, 0, ball.x(), ball.y())));
    BinaryMask both = decode(first(api.addSelection(sessionId, 0, square.x(), square.y())));

    assertThat(both.area()).isGreaterThan(one.area());
    assertThat(both.get((int) (square.x() * 1279), (int) (square.y() * 719))).isTrue();
  }

  @Test
  void deleteSelectionRecomputesTheMaskAndEmptiesIt() {
    SelectionPoint ball = SampleVideos.ballCentre(5, 150);
    SelectionPoint square = SampleVideos.squareCentre();
    api.addSelection(sessionId, 5, ball.x(), ball.y(), square.x(), square.y());

    Api.Response partial = api.deleteSelection(sessionId, 5, square.x(), square.y());
    assertThat(partial.code()).isZero();
    BinaryMask remaining = decode(first(partial));
    assertThat(remaining.get((int) (square.x() * 1279), (int) (square.y() * 719))).isFalse();
    assertThat(remaining.get((int) (ball.x() * 1279), (int) (ball.y() * 719))).isTrue();

    Api.Response empty = api.deleteSelection(sessionId, 5, ball.x(), ball.y());
    assertThat(empty.code()).isZero();
    assertThat(empty.data().path("res").path("rle_mask_list").isArray()).isTrue();
    assertThat(empty.data().path("res").path("rle_mask_list")).isEmpty();
  }

  @Test
  void deleteSelectionNeedsExactlyMatchingPoints() {
    api.addSelection(sessionId, 3, 0.3, 0.5);

    Api.Response response = api.deleteSelection(sessionId, 3, 0.3001, 0.5);

    response.assertRefused(400, 1201, "point not found");
  }

  @Test
  void clearSelectionRemovesEveryPoint() {
    api.addSelection(sessionId, 1, 0.3, 0.5);
    api.addSelection(sessionId, 2, 0.3, 0.5);

    Api.Response response =
        api.post(
            "/v1/videos/multi-elements/clear-selection", Api.json().put("session_id", sessionId));

    assertThat(response.code()).isZero();
    assertThat(response.data().path("status").asInt()).isZero();
    assertThat(simulator.sessions())
        .filteredOn(s -> s.sessionId().equals(sessionId))
        .singleElement()
        .satisfies(s -> assertThat(s.points()).isEmpty());
  }

  @Test
  void allowsTenMarkedFramesAndNoMore() {
    for (int frame = 0; frame < 10; frame++) {
      assertThat(api.addSelection(sessionId, frame * 10, 0.1, 0.1).code()).isZero();
    }
    assertThat(api.addSelection(sessionId, 0, 0.2, 0.1).code())
        .as("a marked frame takes more points")
        .isZero();

    Api.Response response = api.addSelection(sessionId, 149, 0.1, 0.1);

    response.assertRefused(400, 1201, "at most 10 frames");
  }

  @Test
  void allowsTenPointsPerFrameAndNoMore() {
    double[] nine = new double[18];
    for (int i = 0; i < 9; i++) {
      nine[2 * i] = 0.05 + i * 0.01;
      nine[2 * i + 1] = 0.1;
    }
    assertThat(api.addSelection(sessionId, 0, nine).code()).isZero();

    Api.Response response = api.addSelection(sessionId, 0, 0.5, 0.9, 0.6, 0.9);

    assertThat(response.code()).isEqualTo(1201);
    assertThat(response.message()).contains("at most 10 points per frame");
  }

  @Test
  void rejectsBadPointsAndFrames() {
    assertThat(api.addSelection(sessionId, 0, 1.5, 0.5).message()).contains("within 0..1");
    assertThat(api.addSelection(sessionId, 150, 0.5, 0.5).message()).contains("frame_index");
    assertThat(api.addSelection(sessionId, 0).message()).contains("1 to 10 points");
    assertThat(api.addSelection("unknown", 0, 0.5, 0.5).message()).contains("does not exist");
    Api.Response noFrame =
        api.post(
            "/v1/videos/multi-elements/add-selection",
            Api.json().put("session_id", sessionId).put("frame_index", "zero"));
    noFrame.assertRefused(400, 1201, "frame_index must be an integer");
  }

  private static JsonNode first(Api.Response response) {
    assertThat(response.code()).as(response.body().toString()).isZero();
    return response.data().path("res").path("rle_mask_list").get(0);
  }

  private static BinaryMask decode(JsonNode entry) {
    JsonNode size = entry.path("rle_mask").path("size");
    return CocoRle.decode(
        entry.path("rle_mask").path("counts").asText(), size.get(0).asInt(), size.get(1).asInt());
  }
}
