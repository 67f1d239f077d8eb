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
 * wait in the queue for a free Kling slot ({@link TaskState#QUEUED}); that is a task state, not an
 * edit state, so the edit goes on to {@code processing} (or ends) from there.
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

    private final EditState from;
    private final EditState to;

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
      this.from = from;
      this.to = to;
    }

    public EditState from() {
      return from;
    }

    public EditState to() {
      return to;
    }
  }
}
