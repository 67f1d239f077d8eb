package dev.klingbot.core.edit;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * Where an edit came from when it was made from an earlier one: the earlier edit's result ({@link
 * Link#RESULT}, edited further from Kling's {@code video_id}), or the earlier edit once more
 * ({@link Link#AGAIN}: same source, instruction, images, selection, mode and length).
 */
public record Chain(String fromEditId, Link link) {

  /** How an edit follows the one it was made from. */
  public enum Link {
    /** Starts from the earlier edit's result video. */
    RESULT,
    /** Runs the earlier edit again as a new task. */
    AGAIN;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Link fromId(String id) {
      return valueOf(id.toUpperCase(Locale.ROOT));
    }
  }

  public Chain {
    requireNonNull(fromEditId, "fromEditId is null");
    requireNonNull(link, "link is null");
  }

  public static Chain resultOf(String editId) {
    return new Chain(editId, Link.RESULT);
  }

  public static Chain again(String editId) {
    return new Chain(editId, Link.AGAIN);
  }
}
