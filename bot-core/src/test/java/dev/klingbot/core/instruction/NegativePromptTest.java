package dev.klingbot.core.instruction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.instruction.ParseResult.Planned;
import dev.klingbot.core.instruction.ParseResult.Refused;
import org.junit.jupiter.api.Test;

/** The negative prompt the user gives as a separate option. */
class NegativePromptTest {
  private final InstructionParser parser = new InstructionParser();

  private ParseResult parse(String negative) {
    return parser.parse("remove the red car", 0, PromptTemplates.defaults(), negative);
  }

  @Test
  void keepsNegativePrompt() {
    EditPlan plan = Parsing.plan(parse("  blurry,   distorted faces "));

    assertThat(plan.negativePrompt()).isEqualTo("blurry, distorted faces");
    assertThat(plan.notices()).isEmpty();
  }

  @Test
  void noNegativePromptByDefault() {
    assertThat(Parsing.plan("remove the red car", 0).negativePrompt()).isNull();
    assertThat(Parsing.plan(parse(null)).negativePrompt()).isNull();
    assertThat(Parsing.plan(parse("   ")).negativePrompt()).isNull();
  }

  @Test
  void removesPlaceholdersFromNegativePrompt() {
    EditPlan plan = Parsing.plan(parse("blurry <<<image_1>>> faces ＜＜＜video_1＞＞＞"));

    assertThat(plan.negativePrompt()).isEqualTo("blurry faces");
    assertThat(plan.notices())
        .containsExactly(
            "Removed “<<<image_1>>>” from your negative prompt: placeholders are added by the bot.",
            "Removed “<<<video_1>>>” from your negative prompt: placeholders are added by the bot.");
  }

  @Test
  void accepts2500CharactersAndRefuses2501() {
    assertThat(parse("x".repeat(2500))).isInstanceOf(Planned.class);

    Refused refused = Parsing.refusal(parse("x".repeat(2501)));
    assertThat(refused.reason()).isEqualTo(RefusalReason.PROMPT_TOO_LONG);
    assertThat(refused.message())
        .startsWith("The negative prompt is 2501 characters long, and Kling takes at most 2500.")
        .endsWith("for example “blurry, distorted faces, extra fingers”");
  }

  @Test
  void instructionRefusalComesFirst() {
    ParseResult result =
        parser.parse("make it better", 0, PromptTemplates.defaults(), "x".repeat(3000));

    assertThat(Parsing.refusal(result).reason()).isEqualTo(RefusalReason.NOT_AN_EDIT);
  }

  @Test
  void rawPromptKeepsNegativePromptToo() {
    ParseResult result =
        parser.parse("Delete the car from <<<video_1>>>", 0, PromptTemplates.defaults(), "smears");

    assertThat(Parsing.plan(result).negativePrompt()).isEqualTo("smears");
  }
}
