package dev.klingbot.core.instruction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.instruction.ParseResult.Planned;
import dev.klingbot.core.instruction.ParseResult.Refused;

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

  static Refused refusal(String instruction, int images) {
    return refusal(parse(instruction, images));
  }

  static Refused refusal(ParseResult result) {
    assertThat(result).isInstanceOf(Refused.class);
    return (Refused) result;
  }
}
