package dev.klingbot.kling;

import static dev.klingbot.kling.KlingResponses.error;
import static dev.klingbot.kling.KlingResponses.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * The client is stateless: a request is checked on its own, and the limits that depend on what was
 * marked before (the bot's core owns them) are Kling's to refuse.
 */
class SelectionLimitsTest {
  private static final String ADDED = "{\"status\":0,\"session_id\":\"s1\"}";

  @StartStop private final MockWebServer server = new MockWebServer();

  @Test
  void elevenPointsInOneRequestAreRefusedBeforeSending() {
    IllegalArgumentException e =
        catchThrowableOfType(
            IllegalArgumentException.class, () -> new SelectionRequest("s1", 4, points(0, 11)));

    assertThat(e.getMessage()).contains("10");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void pointsSpreadOverCallsAreSentAndKlingsRefusalReachesTheCaller() {
    OkHttpKlingClient client = TestClients.bearer(server);
    server.enqueue(ok(ADDED));
    server.enqueue(ok(ADDED));
    server.enqueue(error(400, 1201, "at most 10 points per frame"));
    client.addSelection(new SelectionRequest("s1", 4, points(0, 6)));
    client.addSelection(new SelectionRequest("s1", 4, points(6, 4)));

    KlingException e =
        catchThrowableOfType(
            KlingException.class,
            () -> client.addSelection(new SelectionRequest("s1", 4, points(10, 1))));

    assertThat(server.getRequestCount())
        .as("no per-session record stops the 11th point before Kling sees it")
        .isEqualTo(3);
    assertThat(e.errorCode()).isEqualTo(KlingErrorCode.INVALID_PARAMETER);
    assertThat(e.retryable()).isFalse();
  }

  @Test
  void twoClientsOnOneSessionBehaveAlike() {
    server.enqueue(ok(ADDED));
    server.enqueue(ok(ADDED));

    TestClients.bearer(server).addSelection(new SelectionRequest("s1", 0, points(0, 10)));
    TestClients.bearer(server).deleteSelection(new SelectionRequest("s1", 0, points(0, 1)));

    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void deletesOfAnyPointAreSentAsAsked() {
    server.enqueue(ok(ADDED));

    TestClients.bearer(server).deleteSelection(new SelectionRequest("other", 0, points(0, 1)));

    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  private static List<Point> points(int first, int count) {
    List<Point> points = new ArrayList<>();
    for (int i = first; i < first + count; i++) {
      points.add(new Point(i / 100.0, 0.5));
    }
    return points;
  }
}
