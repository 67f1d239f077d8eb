package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The requests the simulator received, in arrival order; thread-safe. Keeps the last {@value
 * #CAPACITY} so a long-running simulator does not grow without bound.
 */
final class RequestLog {
  static final int CAPACITY = 10_000;

  private final Deque<RecordedRequest> requests = new ArrayDeque<>();

  synchronized void add(RecordedRequest request) {
    requests.addLast(requireNonNull(request, "request is null"));
    if (requests.size() > CAPACITY) {
      requests.removeFirst();
    }
  }

  synchronized List<RecordedRequest> snapshot() {
    return List.copyOf(requests);
  }

  synchronized int count(String pathSuffix) {
    requireNonNull(pathSuffix, "pathSuffix is null");
    int count = 0;
    for (RecordedRequest request : requests) {
      if (request.path().endsWith(pathSuffix)) {
        count++;
      }
    }
    return count;
  }

  synchronized void clear() {
    requests.clear();
  }
}
