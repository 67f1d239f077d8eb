package dev.klingbot.kling;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Remembers, per session and frame, the points this client added successfully, so that calls Kling
 * would refuse are refused before they are sent: more than 10 points on a frame, an 11th marked
 * frame, a delete of a point that was never added. Bounded: the least recently used sessions are
 * forgotten past {@code maxSessions}. Deletes in sessions this client does not know (forgotten, or
 * started elsewhere) are not checked.
 */
final class SelectionLedger {
  static final int MAX_MARKED_FRAMES = 10;

  private final Map<String, Map<Integer, Set<Point>>> sessions;

  SelectionLedger(int maxSessions) {
    if (maxSessions < 1) {
      throw new IllegalArgumentException("maxSessions is " + maxSessions + "; use 1 or more");
    }
    this.sessions =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Map<Integer, Set<Point>>> eldest) {
            return size() > maxSessions;
          }
        };
  }

  synchronized void start(String sessionId) {
    sessions.put(sessionId, new TreeMap<>());
  }

  synchronized void checkAdd(SelectionRequest request) {
    Map<Integer, Set<Point>> frames = sessions.getOrDefault(request.sessionId(), Map.of());
    Set<Point> marked = frames.getOrDefault(request.frameIndex(), Set.of());
    Set<Point> after = new LinkedHashSet<>(marked);
    after.addAll(request.points());
    if (after.size() > SelectionRequest.MAX_POINTS_PER_FRAME) {
      throw refusal(
          KlingErrorCode.SELECTION_LIMIT_REACHED,
          "frame "
              + request.frameIndex()
              + " already has "
              + marked.size()
              + " marked points and this would make "
              + after.size()
              + "; Kling allows at most "
              + SelectionRequest.MAX_POINTS_PER_FRAME
              + " per frame: delete some points or clear the selection first");
    }
    if (marked.isEmpty() && frames.size() >= MAX_MARKED_FRAMES) {
      throw refusal(
          KlingErrorCode.SELECTION_LIMIT_REACHED,
          "session already has "
              + frames.size()
              + " marked frames "
              + frames.keySet()
              + " and Kling allows at most "
              + MAX_MARKED_FRAMES
              + ": clear the selection or unmark a frame first");
    }
  }

  synchronized void recordAdd(SelectionRequest request) {
    sessions
        .computeIfAbsent(request.sessionId(), id -> new TreeMap<>())
        .computeIfAbsent(request.frameIndex(), frame -> new LinkedHashSet<>())
        .addAll(request.points());
  }

  synchronized void checkDelete(SelectionRequest request) {
    Map<Integer, Set<Point>> frames = sessions.get(request.sessionId());
    if (frames == null) {
      return;
    }
    Set<Point> marked = frames.getOrDefault(request.frameIndex(), Set.of());
    List<Point> points = request.points();
    for (int i = 0; i < points.size(); i++) {
      Point point = points.get(i);
      if (!marked.contains(point)) {
        throw refusal(
            KlingErrorCode.POINT_NOT_MARKED,
            "points["
                + i
                + "] ("
                + point.x()
                + ", "
                + point.y()
                + ") was never added to frame "
                + request.frameIndex()
                + (marked.isEmpty() ? ", which has no marked points" : " (marked: " + marked + ")")
                + "; delete only points exactly as they were added");
      }
    }
  }

  synchronized void recordDelete(SelectionRequest request) {
    Map<Integer, Set<Point>> frames = sessions.get(request.sessionId());
    if (frames == null) {
      return;
    }
    Set<Point> marked = frames.get(request.frameIndex());
    if (marked != null) {
      request.points().forEach(marked::remove);
      if (marked.isEmpty()) {
        frames.remove(request.frameIndex());
      }
    }
  }

  synchronized void clear(String sessionId) {
    sessions.put(sessionId, new TreeMap<>());
  }

  /** The points marked per frame in a session, for tests and diagnostics. */
  synchronized Map<Integer, List<Point>> marked(String sessionId) {
    Map<Integer, List<Point>> copy = new TreeMap<>();
    sessions
        .getOrDefault(sessionId, Map.of())
        .forEach((frame, points) -> copy.put(frame, List.copyOf(points)));
    return copy;
  }

  private static KlingException refusal(KlingErrorCode kind, String message) {
    return KlingException.builder(kind, "refused before sending: " + message).build();
  }
}
