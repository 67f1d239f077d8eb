package dev.klingbot.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.klingbot.simulator.mask.BinaryMask;
import dev.klingbot.simulator.mask.CocoRle;
import dev.klingbot.simulator.media.FrameReader;
import dev.klingbot.simulator.media.VideoProbe;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator follows the marked element through the video: the preview mask moves with the
 * rolling ball, and a removal takes the ball out along its whole path.
 */
class TrackingTest {
  private static final int WIDTH = 1280;
  private static final int HEIGHT = 720;
  private static final int FRAMES = 150;
  private static final SettableClock CLOCK =
      new SettableClock(Instant.parse("2025-01-01T00:00:00Z"));

  @AutoClose
  private static final KlingSimulator simulator =
      Api.started(SimulatorOptions.builder().clock(CLOCK).build());

  private static final Api api = Api.of(simulator);

  /** A session on the 5 s 720p clip with the ball marked on frame 0. */
  private static String sessionWithTheBallMarked() {
    String sessionId = api.session(simulator.publishFile(TestMedia.good()));
    SelectionPoint ball = SampleVideos.ballCentre(0, FRAMES);
    assertThat(api.addSelection(sessionId, 0, ball.x(), ball.y()).code()).isZero();
    return sessionId;
  }

  @Test
  void thePreviewMaskFollowsTheBallToWhereItIsOnALateFrame() throws Exception {
    String sessionId = sessionWithTheBallMarked();

    Api.Response preview =
        api.post(
            "/v1/videos/multi-elements/preview-selection", Api.json().put("session_id", sessionId));

    assertThat(preview.code()).as(preview.body().toString()).isZero();
    JsonNode tracking =
        Api.MAPPER.readTree(
            Api.download(preview.data().path("res").path("tracking_output").asText()).body());
    for (int frame : new int[] {40, 100, FRAMES - 1}) {
      JsonNode rle =
          tracking.path("frames").get(frame).path("rle_mask_list").get(0).path("rle_mask");
      BinaryMask mask = CocoRle.decode(rle.path("counts").asText(), HEIGHT, WIDTH);
      double[] centroid = centroid(mask);
      SelectionPoint truth = SampleVideos.ballCentre(frame, FRAMES);
      assertThat(centroid[0])
          .as("mask x on frame %d (the ball started at %.0f)", frame, 0.2 * WIDTH)
          .isCloseTo(truth.x() * WIDTH, org.assertj.core.data.Offset.offset(12.0));
      assertThat(centroid[1])
          .isCloseTo(truth.y() * HEIGHT, org.assertj.core.data.Offset.offset(12.0));
    }
  }

  @Test
  void aRemovalTakesTheBallOutAlongItsWholePath(@TempDir Path temp) throws Exception {
    String sessionId = sessionWithTheBallMarked();
    String taskId = api.createTask(Api.removal(sessionId));

    simulator.advance(Duration.ofSeconds(8));
    TaskSnapshot task = simulator.awaitTask(taskId, Duration.ofSeconds(120));

    assertThat(task.status()).as(task.statusMessage()).isEqualTo("succeed");
    Path result =
        Files.write(
            temp.resolve("result.mp4"),
            Api.download(
                    api.task(taskId)
                        .data()
                        .path("task_result")
                        .path("videos")
                        .get(0)
                        .path("url")
                        .asText())
                .body());
    assertThat(VideoProbe.probe(result).frameCount()).isEqualTo(FRAMES);
    int ballArea = (int) (Math.PI * (HEIGHT / 8.0) * (HEIGHT / 8.0));
    try (FrameReader source = FrameReader.open(TestMedia.good());
        FrameReader edited = FrameReader.open(result)) {
      for (int i = 0; i < FRAMES; i++) {
        BufferedImage before = source.next();
        BufferedImage after = edited.next();
        if (i % 15 != 0 && i != FRAMES - 1) {
          continue;
        }
        SelectionPoint ball = SampleVideos.ballCentre(i, FRAMES);
        assertThat(orangeAround(before, ball))
            .as("ball in the source, frame %d", i)
            .isGreaterThan(ballArea * 8 / 10);
        assertThat(orangeAround(after, ball))
            .as("ball pixels left on frame %d", i)
            .isLessThan(ballArea / 20);
      }
    }
  }

  @Test
  void aFiveSecond720pRemovalRendersInAFewSeconds(@TempDir Path temp) throws Exception {
    BufferedImage first = FrameReader.readFrame(TestMedia.good(), 0);
    SelectionPoint ball = SampleVideos.ballCentre(0, FRAMES);
    SortedMap<Integer, BinaryMask> masks = new TreeMap<>();
    masks.put(0, SelectionMasks.mask(first, List.of(ball)));
    ResultRenderer.Job job =
        new ResultRenderer.Job(
            TestMedia.good(), VideoProbe.probe(TestMedia.good()), masks, "removal", List.of(), 5);
    ResultRenderer.render(job, temp.resolve("warm-up.mp4"));

    long started = System.nanoTime();
    ResultRenderer.render(job, temp.resolve("result.mp4"));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    System.out.println("5 s 1280x720 removal with tracking rendered in " + took.toMillis() + " ms");
    assertThat(took).isLessThan(Duration.ofSeconds(30));
  }

  private static double[] centroid(BinaryMask mask) {
    double x = 0;
    double y = 0;
    int count = 0;
    for (int j = 0; j < mask.height(); j++) {
      for (int i = 0; i < mask.width(); i++) {
        if (mask.get(i, j)) {
          x += i;
          y += j;
          count++;
        }
      }
    }
    assertThat(count).as("mask area").isPositive();
    return new double[] {x / count, y / count};
  }

  /** Ball-coloured pixels within the ball's radius (and a little more) of {@code centre}. */
  private static int orangeAround(BufferedImage frame, SelectionPoint centre) {
    int radius = HEIGHT / 8 + 6;
    int cx = (int) (centre.x() * WIDTH);
    int cy = (int) (centre.y() * HEIGHT);
    int count = 0;
    for (int y = cy - radius; y <= cy + radius; y++) {
      for (int x = cx - radius; x <= cx + radius; x++) {
        int rgb = frame.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (r > 200 && g > 100 && g < 200 && b < 100) {
          count++;
        }
      }
    }
    return count;
  }
}
