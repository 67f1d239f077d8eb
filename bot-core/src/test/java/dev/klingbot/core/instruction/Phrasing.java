package dev.klingbot.core.instruction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.instruction.ParseResult.Planned;
import dev.klingbot.kling.EditMode;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.params.aggregator.ArgumentsAccessor;
import org.junit.jupiter.params.aggregator.ArgumentsAggregator;

/**
 * One row of a phrasings table: instruction | attached images | mode | element (removal target or
 * swap original) | replacement | subject | location | prompt.
 */
record Phrasing(
    String instruction,
    int images,
    EditMode mode,
    String element,
    String replacement,
    String subject,
    String location,
    String prompt) {

  /** Asserts that the parser plans exactly this row, read as {@code language}. */
  void assertPlannedIn(Language language) {
    ParseResult result =
        new InstructionParser().parse(instruction, images, PromptTemplates.defaults());

    assertThat(result).isInstanceOf(Planned.class);
    EditPlan plan = ((Planned) result).plan();
    assertThat(plan.mode()).isEqualTo(mode);
    assertThat(plan.elements())
        .isEqualTo(new EditElements(element, replacement, subject, location));
    assertThat(plan.prompt()).isEqualTo(prompt);
    assertThat(plan.language()).isEqualTo(language);
    assertThat(plan.rawPrompt()).isFalse();
    assertThat(plan.imagesUsed()).isEqualTo(mode == EditMode.REMOVAL ? 0 : images);
  }

  /** Reads the columns of a {@code @CsvSource} row into a {@link Phrasing}. */
  static final class Columns implements ArgumentsAggregator {
    @Override
    public Phrasing aggregateArguments(ArgumentsAccessor row, ParameterContext context) {
      return new Phrasing(
          row.getString(0),
          row.getInteger(1),
          row.get(2, EditMode.class),
          row.getString(3),
          row.getString(4),
          row.getString(5),
          row.getString(6),
          row.getString(7));
    }
  }
}
