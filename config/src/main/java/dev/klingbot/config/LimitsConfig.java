package dev.klingbot.config;

/**
 * Limits on starting edits, so that a burst of mentions cannot make many Kling sessions and video
 * copies for nothing. Each refusal is a sentence that says how to get going again.
 *
 * @param openEditsPerUser edits one member may have open at once without submitting them (states
 *     created, selecting, previewed)
 * @param startsPerUserPerMinute edits one member may start in any 60 seconds
 */
public record LimitsConfig(int openEditsPerUser, int startsPerUserPerMinute) {

  public LimitsConfig {
    Check.range("open-edits-per-user", openEditsPerUser, 1, 1000);
    Check.range("starts-per-user-per-minute", startsPerUserPerMinute, 1, 1000);
  }

  public static LimitsConfig defaults() {
    return new LimitsConfig(3, 5);
  }
}
