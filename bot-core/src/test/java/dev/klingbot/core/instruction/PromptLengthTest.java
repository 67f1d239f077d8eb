package dev.klingbot.core.instruction;

import static dev.klingbot.core.instruction.Parsing.plan;
import static dev.klingbot.core.instruction.Parsing.refusal;
import static dev.klingbot.core.instruction.Parsing.refusedAs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.instruction.ParseResult.Refused;
import org.junit.jupiter.api.Test;

/** Kling takes prompts of at most 2,500 characters. */
class PromptLengthTest {
  /** "Delete " + element + " from <<<video_1>>>" is 26 characters longer than the element. */
  private static final int REMOVAL_TEMPLATE_OVERHEAD = 26;

  private static String element(int length) {
    return "the " + "x".repeat(length - 4);
  }

  @Test
  void acceptsPromptOfExactly2500Characters() {
    EditPlan plan = plan("remove " + element(2500 - REMOVAL_TEMPLATE_OVERHEAD), 0);

    assertThat(plan.prompt()).hasSize(2500);
  }

  @Test
  void refusesPromptOf2501Characters() {
    refusedAs(
            RefusalReason.PROMPT_TOO_LONG, "remove " + element(2501 - REMOVAL_TEMPLATE_OVERHEAD), 0)
        .startsWith("The prompt would be 2501 characters long, and Kling takes at most 2500.")
        .endsWith("for example “remove the man in the red jacket”");
  }

  @Test
  void countsCharactersNotUtf16Units() {
    // U+20000 is one character, as Kling counts, but two UTF-16 units
    String phrase = "the " + "\uD840\uDC00".repeat(2470);

    String prompt = plan("remove " + phrase, 0).prompt();

    assertThat(prompt.codePointCount(0, prompt.length())).isEqualTo(2500);
    assertThat(prompt).hasSize(2500 + 2470);
  }

  @Test
  void acceptsRawPromptOfExactly2500CharactersAndRefuses2501() {
    String suffix = " from <<<video_1>>>";
    String exact = "Delete " + "x".repeat(2500 - 7 - suffix.length()) + suffix;
    assertThat(exact).hasSize(2500);

    assertThat(plan(exact, 0).prompt()).isEqualTo(exact);
    Refused refused = refusal("Delete x" + exact.substring(7), 0);
    assertThat(refused.reason()).isEqualTo(RefusalReason.PROMPT_TOO_LONG);
    assertThat(refused.message()).contains("2501 characters");
  }

  @Test
  void refusesAnInstructionFarTooLongToRead() {
    refusedAs(RefusalReason.PROMPT_TOO_LONG, "remove the " + "x".repeat(20_000), 0)
        .startsWith("Your instruction is 20011 characters long");
  }

  @Test
  void longChineseAdditionCountsTheTemplate() {
    // 参考<<<video_1>>>的画面，将<<<image_1>>>中的{subject}自然地添加到{location}: 41 characters
    String subject = "猫".repeat(2000);
    String location = "桌".repeat(500);

    Refused refused = refusal("在" + location + "上添加" + subject, 1);

    assertThat(refused.reason()).isEqualTo(RefusalReason.PROMPT_TOO_LONG);
    // a Chinese instruction is refused in Chinese: "提示词会有 2542 个字符"
    assertThat(refused.message()).contains((2000 + 501 + 41) + " 个字符");
  }
}
