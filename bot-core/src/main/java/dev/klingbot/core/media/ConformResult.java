package dev.klingbot.core.media;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What {@link VideoConformer#conformIfNeeded} did.
 *
 * @param before the source video
 * @param after the written MP4
 * @param changes one line per change (empty when the file was copied as it was)
 * @param copied whether the source already met the rules and was copied byte for byte
 */
public record ConformResult(
    VideoInfo before, VideoInfo after, List<String> changes, boolean copied) {
  public ConformResult {
    requireNonNull(before, "before is null");
    requireNonNull(after, "after is null");
    changes = List.copyOf(requireNonNull(changes, "changes is null"));
  }
}
