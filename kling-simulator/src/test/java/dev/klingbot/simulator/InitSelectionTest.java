package dev.klingbot.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InitSelectionTest {
  @AutoClose
  private static final KlingSimulator simulator = Api.started(SimulatorOptions.defaults());

  private static final Api api = Api.of(simulator);

  @Test
  void opensASessionForAValidVideo() {
    Api.Response response = api.init(simulator.publishFile(TestMedia.good()));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.code()).isZero();
    assertThat(response.body().path("request_id").asText()).isNotEmpty();
    var data = response.data();
    assertThat(data.path("status").asInt()).isZero();
    assertThat(data.path("session_id").asText()).isNotEmpty();
    assertThat(data.path("fps").asDouble()).isEqualTo(30.0);
    assertThat(data.path("original_duration").asInt()).isEqualTo(5000);
    assertThat(data.path("width").asInt()).isEqualTo(1280);
    assertThat(data.path("height").asInt()).isEqualTo(720);
    assertThat(data.path("total_frame").asInt()).isEqualTo(150);
    var normalized = Api.download(data.path("normalized_video").asText());
    assertThat(normalized.statusCode()).isEqualTo(200);
    assertThat(normalized.headers().firstValue("Content-Type")).hasValue("video/mp4");
    assertThat(simulator.sessions())
        .singleElement()
        .satisfies(s -> assertThat(s.sessionId()).isEqualTo(data.path("session_id").asText()));
  }

  static Stream<Arguments> unacceptableVideos() {
    return Stream.of(
        Arguments.of(
            "a wrong frame rate", TestMedia.wrongFps(), InitRejection.BAD_FRAME_RATE, "frame rate"),
        Arguments.of(
            "a too short video", TestMedia.tooShort(), InitRejection.BAD_DURATION, "duration"),
        Arguments.of(
            "a six second video", TestMedia.sixSeconds(), InitRejection.BAD_DURATION, "6.00 s"),
        Arguments.of(
            "a too small video", TestMedia.tooSmall(), InitRejection.BAD_RESOLUTION, "640x360"),
        Arguments.of(
            "a file that is not a video",
            TestMedia.notAVideo(),
            InitRejection.NOT_A_VIDEO,
            "not a readable video"),
        Arguments.of(
            "a container other than mp4 or mov",
            TestMedia.matroska(),
            InitRejection.UNSUPPORTED_FORMAT,
            "MP4 and MOV"));
  }

  @ParameterizedTest(name = "rejects {0}")
  @MethodSource("unacceptableVideos")
  void rejectsAVideoKlingCannotEdit(String what, Path video, InitRejection reason, String words) {
    Api.Response response = api.init(simulator.publishFile(video));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.code()).isZero();
    assertThat(response.data().path("status").asInt()).isEqualTo(reason.status());
    assertThat(response.data().has("session_id")).isFalse();
    assertThat(response.message()).contains(words);
  }

  @Test
  void rejectsAnUnreachableUrl() {
    Api.Response response = api.init("http://127.0.0.1:1/video.mp4");
    assertThat(response.code()).isZero();
    assertThat(response.data().path("status").asInt())
        .isEqualTo(InitRejection.VIDEO_UNREACHABLE.status());
    assertThat(response.message()).contains("could not be fetched");
  }

  @Test
  void rejectsAMissingPublishedFile() {
    Api.Response response = api.init(simulator.officialBaseUrl() + "/files/nothing.mp4");
    assertThat(response.data().path("status").asInt())
        .isEqualTo(InitRejection.VIDEO_UNREACHABLE.status());
    assertThat(response.message()).contains("HTTP 404");
  }

  @Test
  void rejectsAnUnknownVideoId() {
    Api.Response response =
        api.post("/v1/videos/multi-elements/init-selection", Api.json().put("video_id", "nope"));
    assertThat(response.code()).isZero();
    assertThat(response.data().path("status").asInt())
        .isEqualTo(InitRejection.VIDEO_NOT_FOUND.status());
  }

  @Test
  void needsExactlyOneOfVideoUrlAndVideoId() {
    Api.Response neither = api.post("/v1/videos/multi-elements/init-selection", Api.json());
    Api.Response both =
        api.post(
            "/v1/videos/multi-elements/init-selection",
            Api.json().put("video_id", "a").put("video_url", "http://127.0.0.1:1/a.mp4"));

    for (Api.Response response : new Api.Response[] {neither, both}) {
      response.assertRefused(400, 1201, "exactly one of video_url and video_id");
    }
  }
}
