package dev.klingbot.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.klingbot.simulator.media.VideoInfo;
import dev.klingbot.simulator.media.VideoProbe;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewTest {
  @AutoClose
  private static final KlingSimulator simulator = Api.started(SimulatorOptions.defaults());

  private static final Api api = Api.of(simulator);
  private static final String videoUrl = simulator.publishFile(TestMedia.shortClip());

  @Test
  void previewNeedsAMarkedFrame() {
    String sessionId = api.session(videoUrl);

    Api.Response response = preview(sessionId);

    response.assertRefused(400, 1201, "mark at least one frame");
  }

  @Test
  void previewServesATintedVideoACoverAndTracking(@TempDir Path temp) throws Exception {
    String sessionId = api.session(videoUrl);
    SelectionPoint ball = SampleVideos.ballCentre(30, 60);
    api.addSelection(sessionId, 30, ball.x(), ball.y());

    Api.Response response = preview(sessionId);

    assertThat(response.code()).as(response.body().toString()).isZero();
    JsonNode res = response.data().path("res");

    HttpResponse<byte[]> cover = Api.download(res.path("video_cover").asText());
    assertThat(cover.headers().firstValue("Content-Type")).hasValue("image/png");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(cover.body()));
    assertThat(image.getWidth()).isEqualTo(1280);
    int tinted = image.getRGB((int) (ball.x() * 1279), (int) (ball.y() * 719));
    assertThat((tinted >> 8) & 0xff).as("green channel of the tinted ball").isGreaterThan(150);

    HttpResponse<byte[]> video = Api.download(res.path("video").asText());
    assertThat(video.headers().firstValue("Content-Type")).hasValue("video/mp4");
    Path file = Files.write(temp.resolve("preview.mp4"), video.body());
    VideoInfo info = VideoProbe.probe(file);
    assertThat(info.codec()).isEqualTo("h264");
    assertThat(info.frameCount()).isEqualTo(60);
    assertThat(info.width()).isEqualTo(1280);

    JsonNode tracking =
        Api.MAPPER.readTree(Api.download(res.path("tracking_output").asText()).body());
    assertThat(tracking.path("frames")).hasSize(60);
    assertThat(tracking.path("frames").get(0).path("source_frame_index").asInt()).isEqualTo(30);
    assertThat(
            tracking
                .path("frames")
                .get(0)
                .path("rle_mask_list")
                .get(0)
                .path("rle_mask")
                .has("counts"))
        .isTrue();

    Api.Response again = preview(sessionId);
    assertThat(again.data().path("res").path("video").asText())
        .as("an unchanged selection reuses the preview")
        .isEqualTo(res.path("video").asText());
  }

  @Test
  void mediaUrlsServeByteRanges() throws Exception {
    String url = videoUrl;
    long length = Files.size(TestMedia.shortClip());

    HttpResponse<byte[]> partial = range(url, "bytes=10-19");
    assertThat(partial.statusCode()).isEqualTo(206);
    assertThat(partial.body()).hasSize(10);
    assertThat(partial.headers().firstValue("Content-Range")).hasValue("bytes 10-19/" + length);
    byte[] expected = new byte[10];
    System.arraycopy(Files.readAllBytes(TestMedia.shortClip()), 10, expected, 0, 10);
    assertThat(partial.body()).isEqualTo(expected);

    assertThat(range(url, "bytes=-5").body()).hasSize(5);
    assertThat(range(url, "bytes=" + length + "-").statusCode()).isEqualTo(416);
    HttpResponse<byte[]> whole = range(url, null);
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
    assertThat(whole.body()).hasSize((int) length);

    HttpResponse<Void> head =
        Api.CLIENT.send(
            HttpRequest.newBuilder(URI.create(url))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(length);
  }

  private static HttpResponse<byte[]> range(String url, String range) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (range != null) {
      request.header("Range", range);
    }
    return Api.CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static Api.Response preview(String sessionId) {
    return api.post(
        "/v1/videos/multi-elements/preview-selection", Api.json().put("session_id", sessionId));
  }
}
