package dev.klingbot.core.instruction;

import static java.util.Objects.requireNonNull;

/** What {@link InstructionParser} made of an instruction: a plan, or a refusal to show the user. */
public sealed interface ParseResult permits ParseResult.Planned, ParseResult.Refused {

  /** The instruction is an edit Kling can do. */
  record Planned(EditPlan plan) implements ParseResult {
    public Planned {
      requireNonNull(plan, "plan is null");
    }
  }

  /**
   * The instruction can't be sent to Kling.
   *
   * @param message plain words for the user: what is wrong, what to write or attach instead, and an
   *     example in quotes
   */
  record Refused(RefusalReason reason, String message) implements ParseResult {
    public Refused {
      requireNonNull(reason, "reason is null");
      requireNonNull(message, "message is null");
    }
  }
}
