package dev.klingbot.core.instruction;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

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
   * <p>When one reading of the text is close ("rmeove the logo", "the watermark", "remove the car
   * and add a dog"), {@link #suggestion()} holds it as a corrected instruction, and the message
   * ends by offering it ("Did you mean: remove the logo?"). A suggestion always parses to a plan
   * with the same images, so a chat can offer it as a one-click fix (a button, or {@code yes} in
   * the console) that simply parses {@code suggestion().get()} instead of the original text.
   *
   * @param message plain words for the user, in the instruction's language (English or Chinese):
   *     what is wrong, what to write or attach instead, an example in quotes, and the suggestion
   *     when there is one
   * @param suggestion the close reading, as an instruction to parse in place of the original
   */
  record Refused(RefusalReason reason, String message, Optional<String> suggestion)
      implements ParseResult {
    public Refused {
      requireNonNull(reason, "reason is null");
      requireNonNull(message, "message is null");
      requireNonNull(suggestion, "suggestion is null");
    }

    /** A refusal with no suggestion. */
    public Refused(RefusalReason reason, String message) {
      this(reason, message, Optional.empty());
    }
  }
}
