package dev.klingbot.core.instruction;

import static dev.klingbot.core.instruction.Parsing.plan;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 11: prompts name each element with its own image, and never "this" or a stand-in. */
class ElementNamingTest {

  @Test
  void twoThingsFromTwoImagesAreEachNamedWithTheirImage() {
    EditPlan plan = plan("add the hat and this flag to the man", 2);

    assertThat(plan.prompt())
        .isEqualTo(
            "Using the context of <<<video_1>>>, seamlessly add the hat from <<<image_1>>> and"
                + " the flag from <<<image_2>>> to the man");
    assertThat(plan.elements().subject()).isEqualTo("the hat and the flag");
  }

  @Test
  void twoThingsFromTwoImagesInChinese() {
    EditPlan plan = plan("把帽子和这面旗子加到男人身上", 2);

    assertThat(plan.prompt())
        .isEqualTo("参考<<<video_1>>>的画面，将<<<image_1>>>中的帽子和<<<image_2>>>中的旗子自然地添加到男人身上");
  }

  @Test
  void oneThingFromTwoImagesNamesBothImages() {
    assertThat(plan("add this hat to the man", 2).prompt())
        .isEqualTo(
            "Using the context of <<<video_1>>>, seamlessly add the hat from <<<image_1>>> and"
                + " <<<image_2>>> to the man");
  }

  @Test
  void thisOneIsAnotherOfTheOriginalsKind() {
    EditPlan plan = plan("replace the sky with this one", 1);

    assertThat(plan.prompt())
        .isEqualTo("Swap the sky from <<<image_1>>> for the sky from <<<video_1>>>");
    assertThat(plan("swap the man in the red jacket for the one in the photo", 1).prompt())
        .isEqualTo(
            "Swap the man from <<<image_1>>> for the man in the red jacket from <<<video_1>>>");
  }

  @Test
  void anAdminTemplateStillGetsBothImagesInItsOwnWords() {
    PromptTemplates templates =
        PromptTemplates.defaults()
            .withOverride(
                dev.klingbot.kling.EditMode.ADDITION,
                "Add {subject} shown in {images} onto {location} in <<<video_1>>>");
    ParseResult result =
        new InstructionParser().parse("add the hat and this flag to the man", 2, templates);

    assertThat(Parsing.plan(result).prompt())
        .isEqualTo(
            "Add the hat and the flag shown in <<<image_1>>> and <<<image_2>>> onto the man in"
                + " <<<video_1>>>");
  }
}
