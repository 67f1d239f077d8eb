package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import dev.klingbot.simulator.media.VideoInfo;
import dev.klingbot.simulator.media.VideoProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves tasks along the simulator clock: {@code submitted} for the first quarter of the processing
 * time, then {@code processing} (the result renders in the background), then {@code succeed} once
 * the time is up and the result file exists, or {@code failed} for tasks fault injection picked (or
 * whose render broke). Every change is reported to the callback sender. {@link #tick()} runs on a
 * schedule and after each render, and tests may call it directly.
 */
final class TaskLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(TaskLifecycle.class);

  private final TaskStore store;
  private final SimulatorClock clock;
  private final Duration processingTime;
  private final ExecutorService renderPool;
  private final CallbackSender callbacks;
  private final MediaFiles files;
  private final Ids ids;
  private final Path workDirectory;
  private final Optional<Path> resultVideo;
  private VideoInfo resultVideoInfo;

  TaskLifecycle(
      TaskStore store,
      SimulatorClock clock,
      Duration processingTime,
      ExecutorService renderPool,
      CallbackSender callbacks,
      MediaFiles files,
      Ids ids,
      Path workDirectory,
      Optional<Path> resultVideo) {
    this.store = requireNonNull(store, "store is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.processingTime = requireNonNull(processingTime, "processingTime is null");
    this.renderPool = requireNonNull(renderPool, "renderPool is null");
    this.callbacks = requireNonNull(callbacks, "callbacks is null");
    this.files = requireNonNull(files, "files is null");
    this.ids = requireNonNull(ids, "ids is null");
    this.workDirectory = requireNonNull(workDirectory, "workDirectory is null");
    this.resultVideo = requireNonNull(resultVideo, "resultVideo is null");
  }

  /** Applies every transition that is due at the current simulator time. */
  synchronized void tick() {
    Instant now = clock.instant();
    List<TaskSnapshot> changes = new ArrayList<>();
    List<Task> toRender = new ArrayList<>();
    synchronized (store) {
      for (Task task : store.tasks()) {
        advance(task, now, changes, toRender);
      }
    }
    toRender.forEach(this::startRender);
    changes.forEach(callbacks::send);
  }

  private void advance(Task task, Instant now, List<TaskSnapshot> changes, List<Task> toRender) {
    Instant processingAt = task.createdAt().plus(processingTime.dividedBy(4));
    Instant doneAt = task.createdAt().plus(processingTime);
    if (task.status().equals(Task.SUBMITTED) && !now.isBefore(processingAt)) {
      task.status(Task.PROCESSING, "", now);
      changed(task, changes);
    }
    // also a task that was processing when an earlier run stopped: its render starts again
    if (task.status().equals(Task.PROCESSING)
        && task.render() == Task.Render.NOT_STARTED
        && task.plannedFailure().isEmpty()) {
      task.renderStarted();
      if (resultVideo.isPresent()) {
        // the cheap mode: the one prepared result, nothing rendered
        task.renderDone(resultVideo.get());
      } else {
        toRender.add(task);
      }
    }
    if (!task.status().equals(Task.PROCESSING) || now.isBefore(doneAt)) {
      return;
    }
    if (task.plannedFailure().isPresent()) {
      task.status(Task.FAILED, task.plannedFailure().get(), now);
      changed(task, changes);
    } else if (task.render() == Task.Render.FAILED) {
      task.status(
          Task.FAILED, "internal error while generating the video: " + task.renderError(), now);
      changed(task, changes);
    } else if (task.render() == Task.Render.DONE) {
      try {
        ResultVideo video = publish(task, now);
        store.addVideo(video);
        task.result(video);
        task.status(Task.SUCCEED, "", now);
      } catch (IOException e) {
        task.status(Task.FAILED, "internal error while storing the video: " + e.getMessage(), now);
      }
      changed(task, changes);
    }
  }

  private void changed(Task task, List<TaskSnapshot> changes) {
    try {
      store.changed(task);
    } catch (RuntimeException e) {
      LOG.warn("cannot save task {}: {}", task.id(), e.toString());
    }
    changes.add(task.snapshot());
  }

  private ResultVideo publish(Task task, Instant now) throws IOException {
    Path file = task.renderedFile();
    return new ResultVideo(
        ids.uuid(),
        task.request().sessionId(),
        files.publish(file),
        file,
        probe(file),
        Integer.parseInt(task.request().duration()),
        now);
  }

  /** The file's video info; the cheap mode's one result is probed once. */
  private VideoInfo probe(Path file) throws IOException {
    if (resultVideo.isEmpty() || !resultVideo.get().equals(file)) {
      return VideoProbe.probe(file);
    }
    if (resultVideoInfo == null) {
      resultVideoInfo = VideoProbe.probe(file);
    }
    return resultVideoInfo;
  }

  private void startRender(Task task) {
    try {
      renderPool.execute(() -> render(task));
    } catch (RejectedExecutionException e) {
      LOG.debug("simulator closing; render of task {} dropped", task.id());
    }
  }

  private void render(Task task) {
    try {
      Path directory = Files.createDirectories(workDirectory.resolve("tasks").resolve(task.id()));
      Path out = directory.resolve("result.mp4");
      ResultRenderer.render(task.job(), out);
      synchronized (store) {
        task.renderDone(out);
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("render of task {} failed", task.id(), e);
      synchronized (store) {
        task.renderFailed(e.getMessage() == null ? e.toString() : e.getMessage());
      }
    }
    tick();
  }
}
