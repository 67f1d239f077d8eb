package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every task, by id and external id, and every result video; one lock guards them and the tasks'
 * mutable state.
 */
final class TaskStore {
  private final Map<String, Task> tasks = new LinkedHashMap<>();
  private final Map<String, Task> byExternalId = new HashMap<>();
  private final Map<String, ResultVideo> videos = new HashMap<>();
  private final int concurrencyLimit;
  private final SimulatorState state;

  TaskStore(int concurrencyLimit, SimulatorState state) {
    this.concurrencyLimit = concurrencyLimit;
    this.state = requireNonNull(state, "state is null");
  }

  /** Adds a task a state directory kept, with its result video. */
  synchronized void restore(Task task) {
    tasks.put(task.id(), task);
    task.request().externalTaskId().ifPresent(id -> byExternalId.put(id, task));
    task.result().ifPresent(this::addVideo);
  }

  /** Records a change of {@code task} in the state directory; call it holding this store's lock. */
  synchronized void changed(Task task) {
    state.save(task);
  }

  /** The task with this external id, if any. */
  synchronized Optional<TaskSnapshot> existing(Optional<String> externalTaskId) {
    return externalTaskId.map(byExternalId::get).map(Task::snapshot);
  }

  /** HTTP 429 code 1303 when the account has no free task slot. */
  synchronized void checkCapacity() {
    if (concurrencyLimit == 0) {
      return;
    }
    long inFlight = tasks.values().stream().filter(Task::inFlight).count();
    if (inFlight >= concurrencyLimit) {
      throw ApiError.TOO_MANY_PARALLEL_TASKS.exception(
          "too many parallel tasks: "
              + inFlight
              + " in flight, the account allows "
              + concurrencyLimit
              + "; retry after one ends");
    }
  }

  /**
   * Adds the task {@code factory} makes, unless a task with the same external id exists (that one
   * is returned) or the account is at its concurrency limit (HTTP 429 code 1303).
   */
  synchronized Creation create(Optional<String> externalTaskId, Supplier<Task> factory) {
    Optional<TaskSnapshot> existing = existing(externalTaskId);
    if (existing.isPresent()) {
      return new Creation(existing.get(), false);
    }
    checkCapacity();
    Task task = factory.get();
    state.saveImages(task);
    state.save(task);
    tasks.put(task.id(), task);
    externalTaskId.ifPresent(id -> byExternalId.put(id, task));
    return new Creation(task.snapshot(), true);
  }

  /** The outcome of {@link #create}: the task, and whether it is new. */
  record Creation(TaskSnapshot task, boolean created) {}

  /** The task whose id, or else external id, is {@code id}. */
  synchronized Optional<TaskSnapshot> find(String id) {
    Task task = tasks.get(id);
    if (task == null) {
      task = byExternalId.get(id);
    }
    return Optional.ofNullable(task).map(Task::snapshot);
  }

  synchronized Optional<TaskSnapshot> findByExternalId(String externalTaskId) {
    return Optional.ofNullable(byExternalId.get(externalTaskId)).map(Task::snapshot);
  }

  /** Every task, oldest first. */
  synchronized List<TaskSnapshot> snapshot() {
    List<TaskSnapshot> snapshots = new ArrayList<>();
    tasks.values().forEach(task -> snapshots.add(task.snapshot()));
    return List.copyOf(snapshots);
  }

  /** The live tasks, for {@link TaskLifecycle}; read them only while holding this store's lock. */
  synchronized List<Task> tasks() {
    return new ArrayList<>(tasks.values());
  }

  synchronized void addVideo(ResultVideo video) {
    videos.put(video.id(), requireNonNull(video, "video is null"));
  }

  /** The result video with this id, unless older than {@code retention}. */
  synchronized Optional<ResultVideo> video(String id, Instant now, Duration retention) {
    ResultVideo video = videos.get(id);
    if (video == null || !now.isBefore(video.createdAt().plus(retention))) {
      return Optional.empty();
    }
    return Optional.of(video);
  }
}
