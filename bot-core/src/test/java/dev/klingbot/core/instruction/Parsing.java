package dev.klingbot.core.instruction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.instruction.ParseResult.Planned;
import dev.klingbot.core.instruction.ParseResult.Refused;
import dev.klingbot.kling.EditMode;
import org.assertj.core.api.AbstractStringAssert;

/** Short ways for tests to parse and unwrap. */
final class Parsing {
  private static final InstructionParser PARSER = new InstructionParser();

  private Parsing() {}

  static ParseResult parse(String instruction, int images) {
    return PARSER.parse(instruction, images, PromptTemplates.defaults());
  }

  static EditPlan plan(String instruction, int images) {
    return plan(parse(instruction, images));
  }

  static EditPlan plan(ParseResult result) {
    assertThat(result).isInstanceOf(Planned.class);
    return ((Planned) result).plan();
  }

  /**
   * Asserts that the instruction is planned as an edit of {@code mode}; then asserts on its prompt.
   */
  static AbstractStringAssert<?> plannedAs(EditMode mode, String instruction, int images) {
    EditPlan plan = plan(instruction, images);
    assertThat(plan.mode()).isEqualTo(mode);
    return assertThat(plan.prompt());
  }

  static Refused refusal(String instruction, int images) {
    return refusal(parse(instruction, images));
  }

  /** Asserts that the instruction is refused for {@code reason}; then asserts on its message. */
  static AbstractStringAssert<?> refusedAs(RefusalReason reason, String instruction, int images) {
    Refused refused = refusal(instruction, images);
    assertThat(refused.reason()).isEqualTo(reason);
    return assertThat(refused.message());
  }

  static Refused refusal(ParseResult result) {
    assertThat(result).isInstanceOf(Refused.class);
    return (Refused) result;
  }
}
