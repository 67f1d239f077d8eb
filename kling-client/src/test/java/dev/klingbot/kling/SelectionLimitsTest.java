package dev.klingbot.kling;

import static dev.klingbot.kling.KlingResponses.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Selections Kling would refuse are refused before sending. */
class SelectionLimitsTest {
  private static final String ADDED = "{\"status\":0,\"session_id\":\"s1\"}";

  @StartStop private final MockWebServer server = new MockWebServer();

  @Test
  void refusesAnEleventhPointOnAFrame() {
    OkHttpKlingClient client = TestClients.bearer(server);
    server.enqueue(ok(ADDED));
    server.enqueue(ok(ADDED));
    client.addSelection(new SelectionRequest("s1", 4, points(0, 6)));
    client.addSelection(new SelectionRequest("s1", 4, points(6, 4)));

    KlingException e =
        catchThrowableOfType(
            KlingException.class,
            () -> client.addSelection(new SelectionRequest("s1", 4, points(10, 1))));

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(e.errorCode()).isEqualTo(KlingErrorCode.SELECTION_LIMIT_REACHED);
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage())
        .contains("frame 4 already has 10 marked points")
        .contains("delete some points or clear the selection first");
  }

  @Test
  void addingAPointAgainDoesNotCountTwice() {
    OkHttpKlingClient client = TestClients.bearer(server);
    server.enqueue(ok(ADDED));
    server.enqueue(ok(ADDED));
    client.addSelection(new SelectionRequest("s1", 4, points(0, 10)));

    client.addSelection(new SelectionRequest("s1", 4, points(9, 1)));

    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void refusesAnEleventhMarkedFrame() {
    OkHttpKlingClient client = TestClients.bearer(server);
    for (int frame = 0; frame < 10; frame++) {
      server.enqueue(ok(ADDED));
      client.addSelection(new SelectionRequest("s1", frame * 10, points(0, 1)));
    }

    KlingException e =
        catchThrowableOfType(
            KlingException.class,
            () -> client.addSelection(new SelectionRequest("s1", 5, points(0, 1))));

    assertThat(server.getRequestCount()).isEqualTo(10);
    assertThat(e.errorCode()).isEqualTo(KlingErrorCode.SELECTION_LIMIT_REACHED);
    assertThat(e.getMessage())
        .contains("already has 10 marked frames")
        .contains("clear the selection or unmark a frame first");
    assertThat(e.userMessage()).contains("clear the selection or unmark a frame first");

    server.enqueue(ok(ADDED));
    client.addSelection(new SelectionRequest("s1", 90, points(5, 1)));
    assertThat(server.getRequestCount()).isEqualTo(11);
  }

  @Test
  void unmarkingAFrameFreesASlot() {
    OkHttpKlingClient client = TestClients.bearer(server);
    for (int frame = 0; frame < 10; frame++) {
      server.enqueue(ok(ADDED));
      client.addSelection(new SelectionRequest("s1", frame, points(0, 1)));
    }
    server.enqueue(ok(ADDED));
    server.enqueue(ok(ADDED));

    client.deleteSelection(new SelectionRequest("s1", 3, points(0, 1)));
    client.addSelection(new SelectionRequest("s1", 42, points(0, 1)));

    assertThat(server.getRequestCount()).isEqualTo(12);
  }

  @Test
  void refusesToDeleteAPointThatWasNeverAdded() {
    OkHttpKlingClient client = TestClients.bearer(server);
    server.enqueue(ok(ADDED));
    server.enqueue(ok(ADDED));
    client.initSelection(InitSelectionRequest.ofVideoUrl("https://x/v.mp4"));

    KlingException e =
        catchThrowableOfType(
            KlingException.class,
            () ->
                client.deleteSelection(
                    new SelectionRequest("s1", 0, List.of(new Point(0.5, 0.5)))));

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(e.errorCode()).isEqualTo(KlingErrorCode.POINT_NOT_MARKED);
    assertThat(e.getMessage())
        .contains("points[0] (0.5, 0.5) was never added to frame 0")
        .contains("delete only points exactly as they were added");

    client.addSelection(new SelectionRequest("s1", 0, List.of(new Point(0.5, 0.25))));
    KlingException near =
        catchThrowableOfType(
            KlingException.class,
            () ->
                client.deleteSelection(
                    new SelectionRequest("s1", 0, List.of(new Point(0.5, 0.250001)))));
    assertThat(near.errorCode()).isEqualTo(KlingErrorCode.POINT_NOT_MARKED);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void clearForgetsEveryPoint() {
    OkHttpKlingClient client = TestClients.bearer(server);
    for (int frame = 0; frame < 10; frame++) {
      server.enqueue(ok(ADDED));
      client.addSelection(new SelectionRequest("s1", frame, points(0, 10)));
    }
    server.enqueue(ok(ADDED));
    server.enqueue(ok(ADDED));

    client.clearSelection("s1");
    client.addSelection(new SelectionRequest("s1", 77, points(0, 10)));

    assertThat(server.getRequestCount()).isEqualTo(12);
    KlingException e =
        catchThrowableOfType(
            KlingException.class,
            () -> client.deleteSelection(new SelectionRequest("s1", 0, points(0, 1))));
    assertThat(e.errorCode()).isEqualTo(KlingErrorCode.POINT_NOT_MARKED);
  }

  @Test
  void deletesInSessionsThisClientDoesNotKnowAreSent() {
    server.enqueue(ok(ADDED));

    TestClients.bearer(server).deleteSelection(new SelectionRequest("other", 0, points(0, 1)));

    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void sessionsAreTrackedSeparately() {
    SelectionLedger ledger = new SelectionLedger(2);
    ledger.recordAdd(new SelectionRequest("a", 1, points(0, 10)));
    ledger.recordAdd(new SelectionRequest("b", 1, points(0, 1)));
    ledger.checkAdd(new SelectionRequest("b", 1, points(1, 9)));
    ledger.recordAdd(new SelectionRequest("c", 1, points(0, 1)));

    assertThat(ledger.marked("a")).isEmpty();
    assertThat(ledger.marked("b")).containsOnlyKeys(1);
    assertThat(ledger.marked("c").get(1)).isEqualTo(points(0, 1));
  }

  private static List<Point> points(int first, int count) {
    List<Point> points = new ArrayList<>();
    for (int i = first; i < first + count; i++) {
      points.add(new Point(i / 100.0, 0.5));
    }
    return points;
  }
}
