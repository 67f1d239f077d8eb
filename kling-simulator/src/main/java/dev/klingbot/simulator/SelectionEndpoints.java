package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.klingbot.simulator.mask.BinaryMask;
import java.io.IOException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code add-selection}, {@code delete-selection} and {@code clear-selection}. Limits: 1–10 points
 * per call, 10 points per frame, 10 marked frames per session, coordinates within 0..1, {@code
 * frame_index} below the video's frame count; a broken limit is HTTP 400 code 1201.
 */
final class SelectionEndpoints {
  static final int MAX_POINTS_PER_CALL = 10;

  private final SessionStore sessions;
  private final InstantSource clock;

  SelectionEndpoints(SessionStore sessions, InstantSource clock) {
    this.sessions = requireNonNull(sessions, "sessions is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  ObjectNode add(JsonNode body) throws IOException {
    Session session = session(body);
    int frameIndex = frameIndex(body, session);
    List<SelectionPoint> points = points(body);
    BinaryMask mask = session.add(frameIndex, points);
    return answer(session, frameIndex, Optional.of(mask));
  }

  ObjectNode delete(JsonNode body) throws IOException {
    Session session = session(body);
    int frameIndex = frameIndex(body, session);
    List<SelectionPoint> points = points(body);
    return answer(session, frameIndex, session.delete(frameIndex, points));
  }

  ObjectNode clear(JsonNode body) {
    Session session = session(body);
    session.clear();
    ObjectNode data = Json.object();
    data.put("status", 0);
    data.put("session_id", session.id());
    return data;
  }

  private Session session(JsonNode body) {
    return sessions.require(Fields.requiredString(body, "session_id"), clock.instant());
  }

  private static int frameIndex(JsonNode body, Session session) {
    int frameIndex = Fields.requiredInt(body, "frame_index");
    int frames = session.info().frameCount();
    if (frameIndex < 0 || frameIndex >= frames) {
      throw Fields.invalid("frame_index must be within 0.." + (frames - 1) + ", got " + frameIndex);
    }
    return frameIndex;
  }

  private static List<SelectionPoint> points(JsonNode body) {
    ArrayNode array = Fields.requiredArray(body, "points");
    if (array.isEmpty() || array.size() > MAX_POINTS_PER_CALL) {
      throw Fields.invalid(
          "points must hold 1 to " + MAX_POINTS_PER_CALL + " points, got " + array.size());
    }
    List<SelectionPoint> points = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode point = array.get(i);
      if (!point.isObject()) {
        throw Fields.invalid("points[" + i + "] must be an object with x and y");
      }
      double x = Fields.requiredNumber(point, "x");
      double y = Fields.requiredNumber(point, "y");
      if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) {
        throw Fields.invalid(
            "points[" + i + "] must have x and y within 0..1, got (" + x + ", " + y + ")");
      }
      points.add(new SelectionPoint(x, y));
    }
    return points;
  }

  private static ObjectNode answer(Session session, int frameIndex, Optional<BinaryMask> mask) {
    ObjectNode data = Json.object();
    data.put("status", 0);
    data.put("session_id", session.id());
    ObjectNode res = data.putObject("res");
    res.put("frame_index", frameIndex);
    res.set("rle_mask_list", SelectionMasks.maskList(mask));
    return data;
  }
}
