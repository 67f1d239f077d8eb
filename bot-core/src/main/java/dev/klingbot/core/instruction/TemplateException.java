package dev.klingbot.core.instruction;

import static java.util.Objects.requireNonNull;

import dev.klingbot.kling.EditMode;
import java.util.List;

/** A prompt template an admin wrote can't be used; the message lists every problem. */
public final class TemplateException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final EditMode mode;
  private final List<String> problems;

  public TemplateException(EditMode mode, List<String> problems) {
    super(
        "The "
            + requireNonNull(mode, "mode is null").wireName()
            + " template can't be used: "
            + String.join(" ", problems));
    this.mode = mode;
    this.problems = List.copyOf(problems);
  }

  public EditMode mode() {
    return mode;
  }

  /** Each problem as one plain sentence. */
  public List<String> problems() {
    return problems;
  }
}
