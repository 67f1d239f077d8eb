package dev.klingbot.core.media;

import static java.util.Objects.requireNonNull;

import dev.klingbot.kling.TaskDuration;

/**
 * Picks the {@code duration} of the Kling task from the source clip. Kling takes clips of 2–5 s or
 * 7–10 s and makes results of 5 s or 10 s, so the rule pairs them up: a clip shorter than 7 s gets
 * a 5 s result (2–5 s clips, and 5–7 s clips that {@link VideoConformer} trims to 5 s); a clip of 7
 * s or more gets a 10 s result (7–10 s clips, and longer ones trimmed to 10 s).
 */
public final class OutputDuration {
  private OutputDuration() {}

  /** {@link TaskDuration#FIVE} below 7 s, else {@link TaskDuration#TEN}. */
  public static TaskDuration choose(VideoInfo info) {
    requireNonNull(info, "info is null");
    return choose(info.durationMillis());
  }

  /** The same rule for a length in milliseconds. */
  public static TaskDuration choose(long durationMillis) {
    return durationMillis < VideoRules.LONG_MIN_MILLIS ? TaskDuration.FIVE : TaskDuration.TEN;
  }
}
