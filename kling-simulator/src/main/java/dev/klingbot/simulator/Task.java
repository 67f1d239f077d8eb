package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A task and its progress. Its mutable state is guarded by the {@link TaskStore}'s lock; only the
 * store and {@link TaskLifecycle} (holding that lock) change it.
 */
final class Task {
  static final String SUBMITTED = "submitted";
  static final String PROCESSING = "processing";
  static final String SUCCEED = "succeed";
  static final String FAILED = "failed";

  /** Where the background render of the result stands. */
  enum Render {
    NOT_STARTED,
    RUNNING,
    DONE,
    FAILED
  }

  private final String id;
  private final TaskRequest request;
  private final Instant createdAt;
  private final Optional<String> plannedFailure;
  private final ResultRenderer.Job job;

  private String status = SUBMITTED;
  private String statusMessage = "";
  private Instant updatedAt;
  private Render render = Render.NOT_STARTED;
  private Path renderedFile;
  private String renderError = "";
  private ResultVideo result;

  Task(
      String id,
      TaskRequest request,
      Instant createdAt,
      Optional<String> plannedFailure,
      ResultRenderer.Job job) {
    this.id = requireNonNull(id, "id is null");
    this.request = requireNonNull(request, "request is null");
    this.createdAt = requireNonNull(createdAt, "createdAt is null");
    this.plannedFailure = requireNonNull(plannedFailure, "plannedFailure is null");
    this.job = requireNonNull(job, "job is null");
    this.updatedAt = createdAt;
  }

  String id() {
    return id;
  }

  TaskRequest request() {
    return request;
  }

  Instant createdAt() {
    return createdAt;
  }

  /** The failure reason decided at creation, when fault injection picked this task to fail. */
  Optional<String> plannedFailure() {
    return plannedFailure;
  }

  ResultRenderer.Job job() {
    return job;
  }

  String status() {
    return status;
  }

  boolean inFlight() {
    return status.equals(SUBMITTED) || status.equals(PROCESSING);
  }

  void status(String status, String message, Instant now) {
    this.status = requireNonNull(status, "status is null");
    this.statusMessage = requireNonNull(message, "message is null");
    this.updatedAt = requireNonNull(now, "now is null");
  }

  String statusMessage() {
    return statusMessage;
  }

  Instant updatedAt() {
    return updatedAt;
  }

  Optional<ResultVideo> result() {
    return Optional.ofNullable(result);
  }

  Render render() {
    return render;
  }

  void renderStarted() {
    render = Render.RUNNING;
  }

  void renderDone(Path file) {
    render = Render.DONE;
    renderedFile = requireNonNull(file, "file is null");
  }

  void renderFailed(String error) {
    render = Render.FAILED;
    renderError = requireNonNull(error, "error is null");
  }

  Path renderedFile() {
    return renderedFile;
  }

  String renderError() {
    return renderError;
  }

  void result(ResultVideo video) {
    this.result = requireNonNull(video, "video is null");
  }

  TaskSnapshot snapshot() {
    Optional<ResultVideo> video = Optional.ofNullable(result);
    return new TaskSnapshot(
        id,
        request.externalTaskId(),
        request.sessionId(),
        request.modelName(),
        request.editMode(),
        request.mode(),
        request.duration(),
        request.prompt(),
        request.images().size(),
        request.callbackUrl(),
        status,
        statusMessage,
        createdAt,
        updatedAt,
        video.map(ResultVideo::id),
        video.map(ResultVideo::url),
        video.map(ResultVideo::file));
  }
}
