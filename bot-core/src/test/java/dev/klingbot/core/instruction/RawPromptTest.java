package dev.klingbot.core.instruction;

import static dev.klingbot.core.instruction.Parsing.plan;
import static dev.klingbot.core.instruction.Parsing.refusal;
import static dev.klingbot.core.instruction.Parsing.refusedAs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.kling.EditMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Text containing {@code <<<video_1>>>} is a prompt the user wrote for Kling. */
class RawPromptTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          Delete the cat from <<<video_1>>>                                             | 0 | REMOVAL  | 0 | ENGLISH
          remove the cat <<<video_1>>>                                                  | 0 | REMOVAL  | 0 | ENGLISH
          Swap the dog from <<<image_1>>> for the cat from <<<video_1>>>                | 1 | SWAP     | 1 | ENGLISH
          Replace the cat in <<<video_1>>> with the dog in <<<image_1>>>, keep the light | 1 | SWAP     | 1 | ENGLISH
          Using the context of <<<video_1>>>, seamlessly add the hat from <<<image_1>>> to the man | 1 | ADDITION | 1 | ENGLISH
          "Using the context of <<<video_1>>>, add the hat from <<<image_1>>> and the scarf from <<<image_2>>> to the man" | 2 | ADDITION | 2 | ENGLISH
          <<<image_1>>> sits on the table in <<<video_1>>>                              | 1 | ADDITION | 1 | ENGLISH
          Add a red hat from <<<image_1>>> to the man in <<<video_1>>>                  | 1 | ADDITION | 1 | ENGLISH
          删除<<<video_1>>>中的猫                                                         | 0 | REMOVAL  | 0 | CHINESE
          用<<<image_1>>>中的狗替换<<<video_1>>>中的猫                                      | 1 | SWAP     | 1 | CHINESE
          参考<<<video_1>>>的画面，将<<<image_1>>>中的花瓶添加到桌子上                          | 1 | ADDITION | 1 | CHINESE
          """)
  void acceptsRawPromptAsWritten(
      String prompt, int images, EditMode mode, int imagesUsed, Language language) {
    EditPlan plan = plan(prompt, images);

    assertThat(plan.rawPrompt()).isTrue();
    assertThat(plan.prompt()).isEqualTo(prompt);
    assertThat(plan.mode()).isEqualTo(mode);
    assertThat(plan.imagesUsed()).isEqualTo(imagesUsed);
    assertThat(plan.language()).isEqualTo(language);
    assertThat(plan.elements()).isEqualTo(EditElements.none());
    assertThat(plan.notices()).isEmpty();
  }

  @Test
  void keepsPolitenessAndCaseOfRawPrompt() {
    String prompt = "Please DELETE the red car from <<<video_1>>>, thanks!";

    assertThat(plan(prompt, 0).prompt()).isEqualTo(prompt);
  }

  @Test
  void rawRemovalLeavesAttachedImagesOut() {
    EditPlan plan = plan("Delete the cat from <<<video_1>>>", 2);

    assertThat(plan.mode()).isEqualTo(EditMode.REMOVAL);
    assertThat(plan.imagesUsed()).isZero();
    assertThat(plan.notices())
        .containsExactly(
            "Removal uses no reference image, so the 2 images you attached were left out.");
  }

  @Test
  void rawAdditionNamingOneOfTwoImagesUsesOne() {
    EditPlan plan = plan("Add the hat from <<<image_1>>> to the man in <<<video_1>>>", 2);

    assertThat(plan.imagesUsed()).isEqualTo(1);
    assertThat(plan.notices())
        .containsExactly("Your prompt names only <<<image_1>>>, so the other image was left out.");
  }

  @Test
  void refusesImagePlaceholderBeyondAttachedImages() {
    refusedAs(
            RefusalReason.BAD_PLACEHOLDER,
            "Swap the dog from <<<image_2>>> for the cat from <<<video_1>>>",
            1)
        .startsWith("Your prompt uses “<<<image_2>>>” but you attached 1 image.")
        .endsWith("for example “Swap the dog from <<<image_1>>> for the cat from <<<video_1>>>”");
  }

  @Test
  void refusesImagePlaceholderWithNoImage() {
    refusedAs(RefusalReason.BAD_PLACEHOLDER, "Add the hat from <<<image_1>>> to <<<video_1>>>", 0)
        .startsWith("Your prompt uses “<<<image_1>>>” but you attached no image.");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Delete <<<image_3>>> from <<<video_1>>>     | <<<image_3>>>
          Delete the cat from <<<video_1>>> <<<VIDEO_1>>> | <<<VIDEO_1>>>
          Delete the cat from <<<video_1>>> and <<< video_2 >>> | <<< video_2 >>>
          Delete the cat from <<<video_1>>> <<<image_1 | <<<
          """)
  void refusesUnknownOrBrokenPlaceholder(String prompt, String token) {
    refusedAs(RefusalReason.BAD_PLACEHOLDER, prompt, 1)
        .startsWith("“" + token + "”")
        .contains("use only <<<video_1>>>, <<<image_1>>> and <<<image_2>>>")
        .endsWith("for example “Delete the red car from <<<video_1>>>”");
  }

  @Test
  void refusesRawSwapThatDoesNotNameTheImage() {
    refusedAs(RefusalReason.BAD_PLACEHOLDER, "Swap the cat in <<<video_1>>> for a dog", 1)
        .startsWith("A swap prompt has to name the new element's picture as <<<image_1>>>");
  }

  @Test
  void refusesRawAdditionThatDoesNotNameTheImage() {
    refusedAs(RefusalReason.BAD_PLACEHOLDER, "Add a hat to the man in <<<video_1>>>", 1)
        .startsWith("An addition prompt has to name the picture");
  }

  @Test
  void refusesRawRemovalThatNamesAnImage() {
    refusedAs(RefusalReason.BAD_PLACEHOLDER, "Remove <<<image_1>>> from <<<video_1>>>", 1)
        .startsWith("A removal takes no reference image, so the prompt can't use “<<<image_1>>>”.");
  }

  @Test
  void rawSwapStillNeedsExactlyOneImage() {
    assertThat(refusal("Swap the dog for the cat in <<<video_1>>>", 0).reason())
        .isEqualTo(RefusalReason.IMAGES_MISSING);
    assertThat(
            refusal("Swap the dog from <<<image_1>>> for the cat from <<<video_1>>>", 2).reason())
        .isEqualTo(RefusalReason.TOO_MANY_IMAGES);
  }

  @Test
  void rawAdditionStillTakesAtMostTwoImages() {
    assertThat(refusal("Add the hat from <<<image_1>>> to <<<video_1>>>", 3).reason())
        .isEqualTo(RefusalReason.TOO_MANY_IMAGES);
  }

  @Test
  void rawPromptSummaryNamesTheMode() {
    assertThat(plan("Delete the cat from <<<video_1>>>", 0).summary())
        .isEqualTo("Custom removal prompt “Delete the cat from <<<video_1>>>”");
  }
}
