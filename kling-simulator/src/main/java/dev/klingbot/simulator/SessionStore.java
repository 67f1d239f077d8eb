package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import dev.klingbot.simulator.media.VideoInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** All sessions by id; thread-safe. */
final class SessionStore {
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Duration ttl;
  private final Ids dice;
  private final SimulatorState state;

  SessionStore(Duration ttl, Ids dice, SimulatorState state) {
    this.ttl = requireNonNull(ttl, "ttl is null");
    this.dice = requireNonNull(dice, "dice is null");
    this.state = requireNonNull(state, "state is null");
  }

  /** Opens a session on {@code video}, served as {@code videoName}. */
  Session create(Path video, String videoName, VideoInfo info, Instant now) {
    Session session =
        new Session(
            "sess_" + dice.hex(24), now, now.plus(ttl), video, videoName, info, state::save);
    sessions.put(session.id(), session);
    state.save(session);
    return session;
  }

  /** Adds a session a state directory kept. */
  void restore(Session.Saved saved, VideoInfo info) {
    sessions.put(saved.id(), Session.restore(saved, info, state::save));
  }

  /** The live session, else HTTP 400 code 1201 saying it is unknown or expired. */
  Session require(String sessionId, Instant now) {
    Session session = sessions.get(sessionId);
    if (session == null) {
      throw Fields.invalid("session_id " + sessionId + " does not exist");
    }
    if (session.expired(now)) {
      throw Fields.invalid(
          "session_id "
              + sessionId
              + " has expired (sessions are valid for "
              + describe(ttl)
              + ")");
    }
    return session;
  }

  private static String describe(Duration duration) {
    if (duration.toMinutesPart() == 0 && duration.toSecondsPart() == 0) {
      return duration.toHours() + " hours";
    }
    return duration.toSeconds() + " seconds";
  }

  /**
   * Frees the decoded frames of expired sessions and forgets sessions expired for longer than a TTL
   * (until then they still answer "has expired" rather than "does not exist").
   */
  void purge(Instant now) {
    sessions
        .values()
        .removeIf(
            session -> {
              if (!session.expired(now)) {
                return false;
              }
              session.dropFrames();
              boolean forget = session.expired(now.minus(ttl));
              if (forget) {
                state.forget(session);
              }
              return forget;
            });
  }

  List<SessionSnapshot> snapshot() {
    List<SessionSnapshot> snapshots = new ArrayList<>();
    for (Session session : sessions.values()) {
      snapshots.add(session.snapshot());
    }
    snapshots.sort((a, b) -> a.createdAt().compareTo(b.createdAt()));
    return List.copyOf(snapshots);
  }
}
