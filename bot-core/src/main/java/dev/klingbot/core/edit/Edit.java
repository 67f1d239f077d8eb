package dev.klingbot.core.edit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * One edit, from the instruction to the delivered result: the row the whole workflow revolves
 * around. Its {@code id} doubles as Kling's {@code external_task_id}. Immutable; changes make a new
 * value that the store saves with an optimistic {@code version} check.
 */
public record Edit(
    String id,
    EditState state,
    Origin origin,
    EditRequest request,
    List<EditImage> images,
    SourceVideo video,
    KlingSession session,
    TaskProgress task,
    Outcome outcome,
    String planMessageId,
    String progressMessageId,
    String callbackToken,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public Edit {
    requireNonNull(id, "id is null");
    requireNonNull(state, "state is null");
    requireNonNull(origin, "origin is null");
    requireNonNull(request, "request is null");
    images = List.copyOf(images == null ? List.of() : images);
    requireNonNull(video, "video is null");
    task = task == null ? TaskProgress.none() : task;
    outcome = outcome == null ? Outcome.none() : outcome;
    requireNonNull(callbackToken, "callbackToken is null");
    requireNonNull(createdAt, "createdAt is null");
    requireNonNull(updatedAt, "updatedAt is null");
  }

  /**
   * The edit in {@code newState}.
   *
   * @throws EditLifecycle.IllegalTransitionException when {@link EditLifecycle} does not allow the
   *     move
   */
  public Edit withState(EditState newState) {
    EditLifecycle.require(state, newState);
    return new Edit(
        id,
        newState,
        origin,
        request,
        images,
        video,
        session,
        task,
        outcome,
        planMessageId,
        progressMessageId,
        callbackToken,
        createdAt,
        updatedAt,
        version);
  }

  public Edit withOrigin(Origin newOrigin) {
    return new Edit(
        id,
        state,
        newOrigin,
        request,
        images,
        video,
        session,
        task,
        outcome,
        planMessageId,
        progressMessageId,
        callbackToken,
        createdAt,
        updatedAt,
        version);
  }

  public Edit withRequest(EditRequest newRequest) {
    return new Edit(
        id,
        state,
        origin,
        newRequest,
        images,
        video,
        session,
        task,
        outcome,
        planMessageId,
        progressMessageId,
        callbackToken,
        createdAt,
        updatedAt,
        version);
  }

  public Edit withImages(List<EditImage> newImages) {
    return new Edit(
        id,
        state,
        origin,
        request,
        newImages,
        video,
        session,
        task,
        outcome,
        planMessageId,
        progressMessageId,
        callbackToken,
        createdAt,
        updatedAt,
        version);
  }

  public Edit withVideo(SourceVideo newVideo) {
    return new Edit(
        id,
        state,
        origin,
        request,
        images,
        newVideo,
        session,
        task,
        outcome,
        planMessageId,
        progressMessageId,
        callbackToken,
        createdAt,
        updatedAt,
        version);
  }

  public Edit withSession(KlingSession newSession) {
    return new Edit(
        id,
        state,
        origin,
        request,
        images,
        video,
        newSession,
        task,
        outcome,
        planMessageId,
        progressMessageId,
        callbackToken,
        createdAt,
        updatedAt,
        version);
  }

  public Edit withTask(TaskProgress newTask) {
    return new Edit(
        id,
        state,
        origin,
        request,
        images,
        video,
        session,
        newTask,
        outcome,
        planMessageId,
        progressMessageId,
        callbackToken,
        createdAt,
        updatedAt,
        version);
  }

  public Edit withOutcome(Outcome newOutcome) {
    return new Edit(
        id,
        state,
        origin,
        request,
        images,
        video,
        session,
        task,
        newOutcome,
        planMessageId,
        progressMessageId,
        callbackToken,
        createdAt,
        updatedAt,
        version);
  }

  public Edit withPlanMessage(String messageId) {
    return new Edit(
        id,
        state,
        origin,
        request,
        images,
        video,
        session,
        task,
        outcome,
        messageId,
        progressMessageId,
        callbackToken,
        createdAt,
        updatedAt,
        version);
  }

  public Edit withProgressMessage(String messageId) {
    return new Edit(
        id,
        state,
        origin,
        request,
        images,
        video,
        session,
        task,
        outcome,
        planMessageId,
        messageId,
        callbackToken,
        createdAt,
        updatedAt,
        version);
  }

  /** Stamped by the store when saved. */
  public Edit stored(Instant at, long newVersion) {
    return new Edit(
        id,
        state,
        origin,
        request,
        images,
        video,
        session,
        task,
        outcome,
        planMessageId,
        progressMessageId,
        callbackToken,
        createdAt,
        at,
        newVersion);
  }
}
