package dev.klingbot.core.edit;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What happened to an edit, as written to its event log ({@code edit_events.kind}). Each value
 * carries the string stored in the database, so rows written before this type existed read the
 * same. Some are intents ({@link #isIntent()}): stored before the side effect they announce (a
 * Kling call, a post), followed by the event of the result.
 */
public enum EditEvent {
  CREATED("created"),
  /** Intent: init-selection is about to be sent. */
  OPENING_SESSION("opening-session", true),
  SESSION_OPENED("session-opened"),
  INIT_REFUSED("init-refused"),
  /**
   * The start was refused after the edit was stored (the video could not be fixed, Kling could not
   * fetch it); the edit ended with the reason.
   */
  START_REFUSED("start-refused"),
  /**
   * Kling refused the {@code video_id} of an earlier result (older than its 30 days, or unknown);
   * the edit goes on from the stored result file instead.
   */
  VIDEO_ID_REFUSED("video-id-refused"),
  CONFORMED("conformed"),
  PROMPT_CHANGED("prompt-changed"),
  /** Intent: add-selection is about to be sent with these points. */
  SELECTING("selecting", true),
  SELECTED("selected"),
  /** Intent: delete-selection is about to be sent with these points. */
  UNSELECTING("unselecting", true),
  UNSELECTED("unselected"),
  /** Intent: clear-selection is about to be sent. */
  CLEARING("clearing", true),
  CLEARED("cleared"),
  /** Intent: preview-selection is about to be sent. */
  PREVIEWING("previewing", true),
  PREVIEWED("previewed"),
  /** A selection call Kling refused or that did not get through; nothing was changed. */
  SELECTION_FAILED("selection-failed"),
  SUBMITTED("submitted"),
  CANCELLED("cancelled"),
  /** Intent: the create-task call is about to be sent. */
  CREATE_TASK("create-task", true),
  TASK_CREATED("task-created"),
  CREATE_REFUSED("create-refused"),
  QUEUED("queued"),
  PROCESSING("processing"),
  SUCCEEDED("succeeded"),
  FAILED("failed"),
  TIMED_OUT("timed-out"),
  TASK_LOST("task-lost"),
  EXPIRED("expired"),
  RESULT_DOWNLOADED("result-downloaded"),
  /** Intent: the final message is about to be posted. */
  DELIVERING("delivering", true),
  DELIVERY_RETRY("delivery-retry"),
  DELIVERY_FAILED("delivery-failed"),
  DELIVERED("delivered"),
  /** Intent: the before-and-after comparison is about to be posted. */
  COMPARING("comparing", true),
  /** The comparison was posted (the detail is the message id). */
  COMPARED("compared"),
  /** No comparison is posted for this result (the detail says why); it is not tried again. */
  COMPARISON_SKIPPED("comparison-skipped"),
  /**
   * A Kling call failed in a way that may pass (5xx, rate limit, no answer); the edit waits and the
   * job runner tries again. The detail names the step.
   */
  KLING_UNAVAILABLE("kling-unavailable"),
  /** Kling answered again after {@link #KLING_UNAVAILABLE}, with nothing else to record. */
  KLING_ANSWERED("kling-answered");

  private static final Map<String, EditEvent> BY_STORED =
      Arrays.stream(values()).collect(Collectors.toMap(EditEvent::stored, Function.identity()));

  private final String stored;
  private final boolean intent;

  EditEvent(String stored) {
    this(stored, false);
  }

  EditEvent(String stored, boolean intent) {
    this.stored = stored;
    this.intent = intent;
  }

  /** The string in {@code edit_events.kind}. */
  public String stored() {
    return stored;
  }

  /** Whether this event announces a side effect that has not happened yet. */
  public boolean isIntent() {
    return intent;
  }

  /**
   * The event stored as {@code kind}.
   *
   * @throws IllegalArgumentException for a string no version of the bot writes
   */
  public static EditEvent fromStored(String kind) {
    EditEvent event = BY_STORED.get(kind);
    if (event == null) {
      throw new IllegalArgumentException("unknown edit event '" + kind + "'");
    }
    return event;
  }

  @Override
  public String toString() {
    return stored;
  }
}
