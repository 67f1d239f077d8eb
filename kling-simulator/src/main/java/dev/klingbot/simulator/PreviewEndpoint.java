package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.klingbot.simulator.mask.BinaryMask;
import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.SortedMap;

/**
 * {@code preview-selection}: renders (or reuses, while the selection is unchanged) the tinted
 * preview video, cover and tracking JSON (see {@link PreviewRenderer}). Needs a marked frame, else
 * HTTP 400 code 1201.
 */
final class PreviewEndpoint {
  private final SessionStore sessions;
  private final MediaFiles files;
  private final InstantSource clock;
  private final Path directory;

  PreviewEndpoint(SessionStore sessions, MediaFiles files, InstantSource clock, Path directory) {
    this.sessions = requireNonNull(sessions, "sessions is null");
    this.files = requireNonNull(files, "files is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.directory = requireNonNull(directory, "directory is null");
  }

  ObjectNode handle(JsonNode body) throws IOException {
    Session session = sessions.require(Fields.requiredString(body, "session_id"), clock.instant());
    Session.Preview preview;
    synchronized (session) {
      preview = session.preview().orElse(null);
      if (preview == null) {
        SortedMap<Integer, BinaryMask> masks = session.masks();
        if (masks.isEmpty()) {
          throw Fields.invalid(
              "no selection to preview: mark at least one frame with add-selection first");
        }
        long version = session.version();
        PreviewRenderer.Output output =
            PreviewRenderer.render(
                session.id(),
                session.video(),
                session.info(),
                masks,
                directory.resolve(session.id()).resolve("preview-" + version));
        preview =
            new Session.Preview(
                version,
                files.publish(output.video()),
                files.publish(output.cover()),
                files.publish(output.tracking()));
        session.preview(preview);
      }
    }
    ObjectNode data = Json.object();
    data.put("status", 0);
    data.put("session_id", session.id());
    ObjectNode res = data.putObject("res");
    res.put("video", preview.videoUrl());
    res.put("video_cover", preview.coverUrl());
    res.put("tracking_output", preview.trackingUrl());
    return data;
  }
}
