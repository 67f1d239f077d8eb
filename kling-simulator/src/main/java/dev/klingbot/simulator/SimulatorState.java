package dev.klingbot.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.klingbot.simulator.mask.BinaryMask;
import dev.klingbot.simulator.mask.CocoRle;
import dev.klingbot.simulator.media.VideoInfo;
import dev.klingbot.simulator.media.VideoProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps sessions and tasks in a state directory so a restarted simulator knows them: one JSON file
 * per session ({@code sessions/<id>.json}) and per task ({@code tasks/<id>/task.json}, with the
 * task's reference images next to it), each written to a temporary file and moved into place after
 * every change, so a {@code kill -9} leaves the last complete version. Media files are named by
 * their path relative to the work directory and their {@code /files/} name, never by URL: a
 * restarted simulator listens on another port and serves them under its own base URL.
 *
 * <p>{@link #none()} keeps nothing (the default, in-memory simulator).
 */
class SimulatorState {
  private static final Logger LOG = LoggerFactory.getLogger(SimulatorState.class);

  private SimulatorState() {}

  /** A state that keeps nothing. */
  static SimulatorState none() {
    return new SimulatorState();
  }

  /**
   * A state kept in {@code directory}; media paths are stored relative to {@code workDirectory}.
   */
  static SimulatorState in(Path directory, Path workDirectory) throws IOException {
    return new OnDisk(directory, workDirectory);
  }

  void save(Session session) {}

  void forget(Session session) {}

  void save(Task task) {}

  /** Writes the reference images of a new task (before its first {@link #save(Task)}). */
  void saveImages(Task task) {}

  /**
   * Loads what an earlier run kept into the stores, and deletes what is too old to matter: sessions
   * forgotten by now ({@code sessionTtl} after they expired) with their videos, and tasks that
   * ended longer than {@code retention} ago with their results.
   */
  void load(
      SessionStore sessions,
      TaskStore tasks,
      MediaFiles files,
      Ids ids,
      Instant now,
      Duration sessionTtl,
      Duration retention) {}

  private static final class OnDisk extends SimulatorState {
    private final Path sessions;
    private final Path tasks;
    private final Path workDirectory;

    OnDisk(Path directory, Path workDirectory) throws IOException {
      this.sessions = Files.createDirectories(directory.resolve("sessions"));
      this.tasks = Files.createDirectories(directory.resolve("tasks"));
      this.workDirectory = workDirectory.toAbsolutePath().normalize();
    }

    @Override
    void save(Session session) {
      Session.Saved saved = session.saved();
      ObjectNode json = Json.object();
      json.put("session_id", saved.id());
      json.put("created_at", saved.createdAt().toString());
      json.put("expires_at", saved.expiresAt().toString());
      json.put("video", relative(saved.video()));
      json.put("video_name", saved.videoName());
      ObjectNode frames = json.putObject("frames");
      saved
          .points()
          .forEach(
              (frame, points) -> {
                ObjectNode entry = frames.putObject(Integer.toString(frame));
                ArrayNode list = entry.putArray("points");
                points.forEach(point -> list.addObject().put("x", point.x()).put("y", point.y()));
                entry.set("mask", mask(saved.masks().get(frame)));
              });
      write(sessions.resolve(saved.id() + ".json"), json);
    }

    @Override
    void forget(Session session) {
      forget(session.id(), session.video());
    }

    /**
     * Deletes a session's file, its downloaded video (not a result it was opened on) and previews.
     */
    private void forget(String sessionId, Path video) {
      try {
        Files.deleteIfExists(sessions.resolve(sessionId + ".json"));
        if (video.toAbsolutePath().normalize().startsWith(workDirectory.resolve("videos"))) {
          Files.deleteIfExists(video);
        }
        deleteTree(workDirectory.resolve("previews").resolve(sessionId));
      } catch (IOException e) {
        LOG.warn("cannot delete the saved session {}: {}", sessionId, e.toString());
      }
    }

    @Override
    void saveImages(Task task) {
      List<ReferenceImage> images = task.job().images();
      try {
        Path directory = Files.createDirectories(tasks.resolve(task.id()));
        for (ReferenceImage image : images) {
          Files.write(directory.resolve(image.label()), image.bytes());
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot save the task's reference images", e);
      }
    }

    @Override
    void save(Task task) {
      TaskRequest request = task.request();
      ResultRenderer.Job job = task.job();
      ObjectNode json = Json.object();
      json.put("task_id", task.id());
      json.put("created_at", task.createdAt().toString());
      json.put("status", task.status());
      json.put("status_message", task.statusMessage());
      json.put("updated_at", task.updatedAt().toString());
      task.plannedFailure().ifPresent(reason -> json.put("planned_failure", reason));
      ObjectNode req = json.putObject("request");
      req.put("model_name", request.modelName());
      req.put("session_id", request.sessionId());
      req.put("edit_mode", request.editMode());
      req.put("prompt", request.prompt());
      req.put("negative_prompt", request.negativePrompt());
      req.put("mode", request.mode());
      req.put("duration", request.duration());
      request.callbackUrl().ifPresent(url -> req.put("callback_url", url));
      request.externalTaskId().ifPresent(id -> req.put("external_task_id", id));
      ObjectNode jobJson = json.putObject("job");
      jobJson.put("source", relative(job.source()));
      ObjectNode masks = jobJson.putObject("masks");
      job.masks().forEach((frame, mask) -> masks.set(Integer.toString(frame), mask(mask)));
      ArrayNode images = jobJson.putArray("images");
      job.images().forEach(image -> images.add(image.label()));
      task.result()
          .ifPresent(
              video -> {
                ObjectNode result = json.putObject("result");
                result.put("video_id", video.id());
                result.put("session_id", video.sessionId());
                result.put("name", MediaFiles.name(video.url()));
                result.put("file", relative(video.file()));
                result.put("duration_seconds", video.durationSeconds());
                result.put("created_at", video.createdAt().toString());
              });
      try {
        Files.createDirectories(tasks.resolve(task.id()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot save task " + task.id(), e);
      }
      write(tasks.resolve(task.id()).resolve("task.json"), json);
    }

    @Override
    void load(
        SessionStore sessionStore,
        TaskStore taskStore,
        MediaFiles files,
        Ids ids,
        Instant now,
        Duration sessionTtl,
        Duration retention) {
      for (Path file : list(sessions, "*.json")) {
        try {
          JsonNode json = read(file);
          if (!now.isBefore(Instant.parse(json.path("expires_at").asText()).plus(sessionTtl))) {
            forget(json.path("session_id").asText(), absolute(json.path("video").asText()));
            continue;
          }
          loadSession(json, sessionStore, files);
        } catch (IOException | RuntimeException e) {
          LOG.warn("skipping the saved session {}: {}", file.getFileName(), e.toString());
        }
      }
      List<Task> loaded = new ArrayList<>();
      for (Path directory : list(tasks, "*")) {
        Path file = directory.resolve("task.json");
        if (!Files.isRegularFile(file)) {
          continue;
        }
        try {
          JsonNode json = read(file);
          String status = json.path("status").asText();
          boolean ended = status.equals(Task.SUCCEED) || status.equals(Task.FAILED);
          if (ended
              && !now.isBefore(Instant.parse(json.path("updated_at").asText()).plus(retention))) {
            deleteTree(directory);
            deleteTree(workDirectory.resolve("tasks").resolve(directory.getFileName().toString()));
            continue;
          }
          loaded.add(loadTask(json, directory, files));
        } catch (IOException | RuntimeException e) {
          LOG.warn("skipping the saved task {}: {}", directory.getFileName(), e.toString());
        }
      }
      loaded.sort(Comparator.comparing(Task::createdAt).thenComparing(Task::id));
      for (Task task : loaded) {
        ids.seen(task.id());
        taskStore.restore(task);
      }
      if (!loaded.isEmpty() || !sessionStore.snapshot().isEmpty()) {
        LOG.info(
            "Kling simulator resumed {} sessions and {} tasks from its state directory",
            sessionStore.snapshot().size(),
            loaded.size());
      }
    }

    private void loadSession(JsonNode json, SessionStore store, MediaFiles files)
        throws IOException {
      Path video = absolute(json.path("video").asText());
      VideoInfo info = VideoProbe.probe(video);
      String videoName = json.path("video_name").asText();
      files.register(videoName, video);
      Map<Integer, List<SelectionPoint>> points = new TreeMap<>();
      Map<Integer, BinaryMask> masks = new TreeMap<>();
      for (Map.Entry<String, JsonNode> frame : json.path("frames").properties()) {
        int index = Integer.parseInt(frame.getKey());
        List<SelectionPoint> framePoints = new ArrayList<>();
        for (JsonNode point : frame.getValue().path("points")) {
          framePoints.add(
              new SelectionPoint(point.path("x").asDouble(), point.path("y").asDouble()));
        }
        points.put(index, framePoints);
        masks.put(index, mask(frame.getValue().path("mask")));
      }
      store.restore(
          new Session.Saved(
              json.path("session_id").asText(),
              Instant.parse(json.path("created_at").asText()),
              Instant.parse(json.path("expires_at").asText()),
              video,
              videoName,
              points,
              masks),
          info);
    }

    private Task loadTask(JsonNode json, Path directory, MediaFiles files) throws IOException {
      JsonNode req = json.path("request");
      JsonNode jobJson = json.path("job");
      List<ReferenceImage> images = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      for (JsonNode label : jobJson.path("images")) {
        labels.add(label.asText());
        images.add(
            ReferenceImage.of(
                label.asText(), Files.readAllBytes(directory.resolve(label.asText()))));
      }
      TaskRequest request =
          new TaskRequest(
              req.path("model_name").asText(),
              req.path("session_id").asText(),
              req.path("edit_mode").asText(),
              labels,
              req.path("prompt").asText(),
              req.path("negative_prompt").asText(),
              req.path("mode").asText(),
              req.path("duration").asText(),
              optional(req, "callback_url"),
              optional(req, "external_task_id"));
      Path source = absolute(jobJson.path("source").asText());
      TreeMap<Integer, BinaryMask> masks = new TreeMap<>();
      for (Map.Entry<String, JsonNode> entry : jobJson.path("masks").properties()) {
        masks.put(Integer.parseInt(entry.getKey()), mask(entry.getValue()));
      }
      String status = json.path("status").asText();
      boolean finished = status.equals(Task.SUCCEED) || status.equals(Task.FAILED);
      // a finished task does not render again, so its source may be gone by now
      VideoInfo sourceInfo =
          finished && !Files.isRegularFile(source)
              ? new VideoInfo("", "", "", 1, 1, 1, 0, 0)
              : VideoProbe.probe(source);
      ResultRenderer.Job job =
          new ResultRenderer.Job(
              source,
              sourceInfo,
              masks,
              request.editMode(),
              images,
              Integer.parseInt(request.duration()));
      Task task =
          new Task(
              json.path("task_id").asText(),
              request,
              Instant.parse(json.path("created_at").asText()),
              optional(json, "planned_failure"),
              job);
      task.status(
          status,
          json.path("status_message").asText(),
          Instant.parse(json.path("updated_at").asText()));
      JsonNode result = json.path("result");
      if (result.isObject()) {
        Path file = absolute(result.path("file").asText());
        String url = files.register(result.path("name").asText(), file);
        ResultVideo video =
            new ResultVideo(
                result.path("video_id").asText(),
                result.path("session_id").asText(),
                url,
                file,
                VideoProbe.probe(file),
                result.path("duration_seconds").asInt(),
                Instant.parse(result.path("created_at").asText()));
        task.renderDone(file);
        task.result(video);
      }
      return task;
    }

    private static Optional<String> optional(JsonNode json, String field) {
      JsonNode value = json.get(field);
      return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    private static ObjectNode mask(BinaryMask mask) {
      ObjectNode json = Json.object();
      json.putArray("size").add(mask.height()).add(mask.width());
      json.put("counts", CocoRle.encode(mask));
      return json;
    }

    private static BinaryMask mask(JsonNode json) {
      return CocoRle.decode(
          json.path("counts").asText(),
          json.path("size").path(0).asInt(),
          json.path("size").path(1).asInt());
    }

    private String relative(Path file) {
      Path absolute = file.toAbsolutePath().normalize();
      return absolute.startsWith(workDirectory)
          ? workDirectory.relativize(absolute).toString()
          : absolute.toString();
    }

    private Path absolute(String stored) {
      return workDirectory.resolve(stored).normalize();
    }

    private static void deleteTree(Path directory) throws IOException {
      if (!Files.exists(directory)) {
        return;
      }
      try (Stream<Path> paths = Files.walk(directory)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }

    private static JsonNode read(Path file) throws IOException {
      return Json.MAPPER.readTree(file.toFile());
    }

    /** Writes next to the target, then moves over it, so readers never see half a file. */
    private static void write(Path target, JsonNode json) {
      Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
      try {
        Files.write(temporary, Json.bytes(json));
        try {
          Files.move(
              temporary,
              target,
              StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the simulator state " + target, e);
      }
    }

    private static List<Path> list(Path directory, String glob) {
      List<Path> paths = new ArrayList<>();
      try (Stream<Path> stream = Files.list(directory)) {
        stream
            .filter(
                path ->
                    glob.equals("*") ? Files.isDirectory(path) : path.toString().endsWith(".json"))
            .sorted()
            .forEach(paths::add);
      } catch (IOException e) {
        LOG.warn("cannot read the simulator state in {}: {}", directory, e.toString());
      }
      return paths;
    }
  }
}
