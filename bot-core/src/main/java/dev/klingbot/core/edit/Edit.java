package dev.klingbot.core.edit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

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
   * A new edit, just started: {@link EditState#CREATED}, no session, task or outcome yet, a fresh
   * callback secret, version 0.
   */
  public static Edit created(
      String id,
      Origin origin,
      EditRequest request,
      List<EditImage> images,
      SourceVideo video,
      Instant now) {
    return new Edit(
        id,
        EditState.CREATED,
        origin,
        request,
        images,
        video,
        null,
        TaskProgress.none(),
        Outcome.none(),
        null,
        null,
        EditIds.secret(),
        now,
        now,
        0);
  }

  /**
   * The edit in {@code newState}.
   *
   * @throws EditLifecycle.IllegalTransitionException when {@link EditLifecycle} does not allow the
   *     move
   */
  public Edit withState(EditState newState) {
    EditLifecycle.require(state, newState);
    return change(copy -> copy.state = newState);
  }

  public Edit withOrigin(Origin newOrigin) {
    return change(copy -> copy.origin = newOrigin);
  }

  public Edit withRequest(EditRequest newRequest) {
    return change(copy -> copy.request = newRequest);
  }

  public Edit withImages(List<EditImage> newImages) {
    return change(copy -> copy.images = newImages);
  }

  public Edit withVideo(SourceVideo newVideo) {
    return change(copy -> copy.video = newVideo);
  }

  public Edit withSession(KlingSession newSession) {
    return change(copy -> copy.session = newSession);
  }

  public Edit withTask(TaskProgress newTask) {
    return change(copy -> copy.task = newTask);
  }

  public Edit withOutcome(Outcome newOutcome) {
    return change(copy -> copy.outcome = newOutcome);
  }

  public Edit withPlanMessage(String messageId) {
    return change(copy -> copy.planMessageId = messageId);
  }

  public Edit withProgressMessage(String messageId) {
    return change(copy -> copy.progressMessageId = messageId);
  }

  /** Stamped by the store when saved. */
  public Edit stored(Instant at, long newVersion) {
    return change(
        copy -> {
          copy.updatedAt = at;
          copy.version = newVersion;
        });
  }

  /** This edit with the fields {@code change} sets on a copy; the rest stays as it is. */
  private Edit change(Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /** The mutable fields of one copy, so that each {@code with...} names only what it changes. */
  private static final class Copy {
    private final String id;
    private EditState state;
    private Origin origin;
    private EditRequest request;
    private List<EditImage> images;
    private SourceVideo video;
    private KlingSession session;
    private TaskProgress task;
    private Outcome outcome;
    private String planMessageId;
    private String progressMessageId;
    private final String callbackToken;
    private final Instant createdAt;
    private Instant updatedAt;
    private long version;

    Copy(Edit edit) {
      id = edit.id;
      state = edit.state;
      origin = edit.origin;
      request = edit.request;
      images = edit.images;
      video = edit.video;
      session = edit.session;
      task = edit.task;
      outcome = edit.outcome;
      planMessageId = edit.planMessageId;
      progressMessageId = edit.progressMessageId;
      callbackToken = edit.callbackToken;
      createdAt = edit.createdAt;
      updatedAt = edit.updatedAt;
      version = edit.version;
    }

    Edit build() {
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
          updatedAt,
          version);
    }
  }
}
