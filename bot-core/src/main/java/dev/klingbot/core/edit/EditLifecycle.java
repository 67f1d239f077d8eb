package dev.klingbot.core.edit;

import static dev.klingbot.core.edit.EditState.CANCELLED;
import static dev.klingbot.core.edit.EditState.CREATED;
import static dev.klingbot.core.edit.EditState.EXPIRED;
import static dev.klingbot.core.edit.EditState.FAILED;
import static dev.klingbot.core.edit.EditState.PREVIEWED;
import static dev.klingbot.core.edit.EditState.PROCESSING;
import static dev.klingbot.core.edit.EditState.SELECTING;
import static dev.klingbot.core.edit.EditState.SUBMITTED;
import static dev.klingbot.core.edit.EditState.SUCCEEDED;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one place that says how an edit may move: {@code created → selecting → previewed → submitted
 * → processing → succeeded | failed | cancelled | expired}. While {@code submitted} the edit may
 * wait in the queue for a free Kling slot ({@link TaskState#QUEUED}, shown as {@link
 * Stage#QUEUED}); that is a task state, not an edit state, so the stored state stays {@code
 * submitted} and the rows and queries keep their meaning.
 *
 * <p>Staying in a state is always allowed (more points while selecting, another check while
 * processing, the delivery of a finished edit). {@link Edit#withState} goes through {@link
 * #require}, so no code path can store a move this table does not list.
 *
 * <p><b>Stored before its side effect.</b> Every Kling call and every final post is preceded by a
 * stored change that announces it (an intent event such as {@link EditEvent#SELECTING} or {@link
 * EditEvent#CREATE_TASK}, with the state it leads to), and followed by the stored result. A crash
 * in between leaves a record of what may have happened, never a side effect nobody knows about.
 */
public final class EditLifecycle {
  private static final Map<EditState, Set<EditState>> NEXT = new EnumMap<>(EditState.class);

  static {
    allow(CREATED, SELECTING, FAILED, CANCELLED, EXPIRED);
    allow(SELECTING, PREVIEWED, SUBMITTED, CANCELLED, EXPIRED);
    allow(PREVIEWED, SELECTING, SUBMITTED, CANCELLED, EXPIRED);
    allow(SUBMITTED, PROCESSING, SUCCEEDED, FAILED, CANCELLED);
    allow(PROCESSING, SUCCEEDED, FAILED);
    allow(SUCCEEDED);
    allow(FAILED);
    allow(CANCELLED);
    allow(EXPIRED);
  }

  private EditLifecycle() {}

  /**
   * The stage an edit is in as a person would name it: its {@link EditState}, with {@code
   * submitted} split into {@link #QUEUED} (waiting for a free slot of the Kling account) and {@link
   * #SUBMITTED} (being created or waiting at Kling).
   */
  public enum Stage {
    CREATED,
    SELECTING,
    PREVIEWED,
    SUBMITTED,
    QUEUED,
    PROCESSING,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    EXPIRED;

    public static Stage of(Edit edit) {
      return switch (edit.state()) {
        case CREATED -> CREATED;
        case SELECTING -> SELECTING;
        case PREVIEWED -> PREVIEWED;
        case SUBMITTED -> edit.task().queued() ? QUEUED : SUBMITTED;
        case PROCESSING -> PROCESSING;
        case SUCCEEDED -> SUCCEEDED;
        case FAILED -> FAILED;
        case CANCELLED -> CANCELLED;
        case EXPIRED -> EXPIRED;
      };
    }

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private static void allow(EditState from, EditState... to) {
    Set<EditState> next = EnumSet.of(from, to);
    NEXT.put(from, Collections.unmodifiableSet(next));
  }

  /** The states an edit in {@code from} may be stored in next (including {@code from} itself). */
  public static Set<EditState> next(EditState from) {
    return NEXT.get(from);
  }

  public static boolean allows(EditState from, EditState to) {
    return NEXT.get(from).contains(to);
  }

  /**
   * Checks a move.
   *
   * @throws IllegalTransitionException when the table does not list it
   */
  public static void require(EditState from, EditState to) {
    if (!allows(from, to)) {
      throw new IllegalTransitionException(from, to);
    }
  }

  /** A move the lifecycle does not allow: a bug in the caller, never a user mistake. */
  public static final class IllegalTransitionException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    IllegalTransitionException(EditState from, EditState to) {
      super(
          "an edit that is "
              + from.label()
              + " cannot become "
              + to.label()
              + "; from "
              + from.label()
              + " it may only become "
              + NEXT.get(from).stream().filter(s -> s != from).map(EditState::label).toList());
    }
  }
}
