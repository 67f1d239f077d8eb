package dev.klingbot.core.media;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The result of {@link VideoRules#check}: every problem found at once.
 *
 * @param problems all problems, in the order container, codec, length, frame rate, size
 * @param ok whether there are no problems: the video can go to Kling as it is
 * @param fixable whether there are problems and {@link VideoConformer} can fix all of them (false
 *     when {@code ok})
 * @param plan how to fix them; null when {@code ok} or not {@code fixable}
 */
public record VideoCheck(
    List<VideoProblem> problems, boolean ok, boolean fixable, ConformPlan plan) {
  public VideoCheck {
    problems = List.copyOf(requireNonNull(problems, "problems is null"));
    if (ok != problems.isEmpty()) {
      throw new IllegalArgumentException("ok must be true exactly when there are no problems");
    }
    if (ok && fixable) {
      throw new IllegalArgumentException("a video without problems has nothing to fix");
    }
    if ((plan != null) != fixable) {
      throw new IllegalArgumentException("a plan comes with fixable problems, and only then");
    }
  }

  /** The changes the plan would make; empty when there is no plan. */
  public List<String> changes() {
    return plan == null ? List.of() : plan.changes();
  }
}
