package dev.klingbot.core.workflow;

import static java.util.Objects.requireNonNull;

import dev.klingbot.kling.TaskMode;
import java.util.List;

/**
 * What a user asked for when starting an edit.
 *
 * @param images 0–2 reference images, in order (image 1, image 2)
 * @param mode {@code std} (default) or {@code pro}
 * @param negativePrompt what Kling should avoid, or {@code null}
 */
public record StartEdit(
    MediaSource video,
    String instruction,
    List<MediaSource> images,
    TaskMode mode,
    String negativePrompt) {

  public StartEdit {
    requireNonNull(video, "video is null");
    instruction = instruction == null ? "" : instruction;
    images = List.copyOf(images == null ? List.of() : images);
    mode = mode == null ? TaskMode.STD : mode;
  }

  public static StartEdit of(MediaSource video, String instruction, MediaSource... images) {
    return new StartEdit(video, instruction, List.of(images), TaskMode.STD, null);
  }
}
