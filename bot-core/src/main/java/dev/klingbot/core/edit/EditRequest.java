package dev.klingbot.core.edit;

import static java.util.Objects.requireNonNull;

import dev.klingbot.kling.EditMode;
import dev.klingbot.kling.TaskDuration;
import dev.klingbot.kling.TaskMode;

/**
 * What the user asked for, as Kling will receive it.
 *
 * @param summary one line for humans, e.g. "Remove “the man in the red jacket”"
 * @param costUnits quota units the task costs (mode × duration)
 */
public record EditRequest(
    String instruction,
    String summary,
    EditMode mode,
    String prompt,
    String negativePrompt,
    boolean rawPrompt,
    TaskMode taskMode,
    TaskDuration duration,
    int costUnits) {

  public EditRequest {
    requireNonNull(instruction, "instruction is null");
    requireNonNull(summary, "summary is null");
    requireNonNull(mode, "mode is null");
    requireNonNull(prompt, "prompt is null");
    requireNonNull(taskMode, "taskMode is null");
    requireNonNull(duration, "duration is null");
  }

  public EditRequest withPrompt(String newPrompt, String newSummary) {
    return new EditRequest(
        instruction,
        newSummary,
        mode,
        newPrompt,
        negativePrompt,
        true,
        taskMode,
        duration,
        costUnits);
  }

  public EditRequest withDuration(TaskDuration newDuration, int newCost) {
    return new EditRequest(
        instruction,
        summary,
        mode,
        prompt,
        negativePrompt,
        rawPrompt,
        taskMode,
        newDuration,
        newCost);
  }
}
