package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST .../multi-elements}: creates a task. In order: out of credit (429 code 1102, when
 * injected), an existing task with the same {@code external_task_id} (answered as is), field
 * validation (400 code 1201), the session, the concurrency limit (429 code 1303), the reference
 * images (400 code 1201 when a URL cannot be fetched).
 */
final class CreateTaskEndpoint {
  private static final List<String> FAILURE_REASONS =
      List.of(
          "simulated failure: the video could not be edited, try another selection or prompt",
          "simulated failure: internal model error, please retry",
          "simulated failure: generation timed out");

  private final SessionStore sessions;
  private final TaskStore tasks;
  private final ReferenceImages images;
  private final Faults faults;
  private final Dice faultDice;
  private final Ids ids;
  private final InstantSource clock;
  private final CallbackSender callbacks;
  private final TaskCalls calls;

  CreateTaskEndpoint(
      SessionStore sessions,
      TaskStore tasks,
      ReferenceImages images,
      Faults faults,
      Dice faultDice,
      Ids ids,
      InstantSource clock,
      CallbackSender callbacks,
      TaskCalls calls) {
    this.sessions = requireNonNull(sessions, "sessions is null");
    this.tasks = requireNonNull(tasks, "tasks is null");
    this.images = requireNonNull(images, "images is null");
    this.faults = requireNonNull(faults, "faults is null");
    this.faultDice = requireNonNull(faultDice, "faultDice is null");
    this.ids = requireNonNull(ids, "ids is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.callbacks = requireNonNull(callbacks, "callbacks is null");
    this.calls = requireNonNull(calls, "calls is null");
  }

  /** Creates the task {@code caller} (its {@code User-Agent}) asked for. */
  ObjectNode handle(JsonNode body, String caller) {
    if (faults.settings().outOfCredit()) {
      throw ApiError.RESOURCE_PACK_EXHAUSTED.exception(
          "the account's resource pack is used up; top up to create tasks");
    }
    Optional<String> externalTaskId = Fields.optionalString(body, "external_task_id");
    Optional<TaskSnapshot> existing = tasks.existing(externalTaskId);
    if (existing.isPresent()) {
      calls.created(
          new TaskCalls.Creation(
              externalTaskId.get(), existing.get().taskId(), false, clock.instant(), caller));
      return TaskJson.data(existing.get());
    }
    TaskRequest request = TaskRequest.parse(body);
    Session session = sessions.require(request.sessionId(), clock.instant());
    tasks.checkCapacity();
    List<ReferenceImage> references = images.resolve(request.images());
    boolean fail = faultDice.chance(faults.settings().taskFailureRate());
    Optional<String> failure =
        fail
            ? Optional.of(FAILURE_REASONS.get(faultDice.nextInt(FAILURE_REASONS.size())))
            : Optional.empty();
    ResultRenderer.Job job =
        new ResultRenderer.Job(
            session.video(),
            session.info(),
            session.masks(),
            request.editMode(),
            references,
            Integer.parseInt(request.duration()));
    Instant now = clock.instant();
    TaskStore.Creation creation =
        tasks.create(externalTaskId, () -> new Task(ids.taskId(), request, now, failure, job));
    calls.created(
        new TaskCalls.Creation(
            externalTaskId.orElse(""), creation.task().taskId(), creation.created(), now, caller));
    if (creation.created()) {
      callbacks.send(creation.task());
    }
    return TaskJson.data(creation.task());
  }
}
