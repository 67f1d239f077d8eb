package dev.klingbot.core.instruction;

import static dev.klingbot.core.instruction.Parsing.refusal;
import static dev.klingbot.core.instruction.Parsing.refusedAs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.instruction.ParseResult.Refused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RefusalsTest {
  /** Every refusal ends with an example in curly quotes, after "for example". */
  private static void assertEndsWithExample(Refused refused) {
    assertThat(refused.message()).containsPattern("for example .*“[^”]+”$");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "\n\t ", "\u200B", "<<<image_1>>>", " <<<video_2>>> "})
  void refusesEmptyInstruction(String instruction) {
    Refused refused = refusal(instruction, 0);

    assertThat(refused.reason()).isEqualTo(RefusalReason.EMPTY);
    assertThat(refused.message()).startsWith("Your instruction is empty.");
    assertEndsWithExample(refused);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "make it better",
        "hello",
        "speed it up",
        "slow it down",
        "make it brighter",
        "trim the video",
        "crop the video",
        "make the video black and white",
        "what can you do?",
        "thanks!",
        "please",
        "hi there",
        "don't remove the cat"
      })
  void refusesWhatIsNotAnEdit(String instruction) {
    Refused refused = refusal(instruction, 1);

    assertThat(refused.reason()).isEqualTo(RefusalReason.NOT_AN_EDIT);
    assertThat(refused.message())
        .startsWith("I can't turn “")
        .contains("remove something", "swap it", "add the thing")
        .contains("“remove the red car”");
    assertEndsWithExample(refused);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          add more colour            | 0 | “more colour” can't be added
          add some music             | 1 | “some music” can't be added
          remove the background music| 0 | “the background music” can't be removed
          remove the first 3 seconds | 0 | “the first 3 seconds” can't be removed
          change the music to jazz   | 1 | “the music” can't be swapped
          """)
  void refusesSoundColourSpeedAndTime(String instruction, int images, String says) {
    Refused refused = refusal(instruction, images);

    assertThat(refused.reason()).isEqualTo(RefusalReason.NOT_AN_EDIT);
    assertThat(refused.message()).contains("not sound, colour, speed or length", says);
    assertEndsWithExample(refused);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          remove it         | 0 | Tell me what to remove: “it” doesn't say which thing.
          delete the video  | 0 | Tell me what to remove: “the video” doesn't say which thing.
          remove everything | 0 | Tell me what to remove: “everything” doesn't say which thing.
          make it disappear | 0 | Tell me what to remove: “it” doesn't say which thing.
          remove            | 0 | Tell me what to remove.
          replace           | 1 | Tell me what to replace.
          replace it with a dog | 1 | Tell me what to replace: “it” doesn't say which thing.
          add               | 1 | Tell me what to add and where.
          """)
  void refusesAnEditThatDoesNotSayWhat(String instruction, int images, String start) {
    Refused refused = refusal(instruction, images);

    assertThat(refused.reason()).isEqualTo(RefusalReason.NOT_AN_EDIT);
    assertThat(refused.message()).startsWith(start).contains("Describe it");
    assertEndsWithExample(refused);
  }

  @Test
  void refusesSwapWithoutImage() {
    refusedAs(RefusalReason.IMAGES_MISSING, "replace the cat with the dog", 0)
        .isEqualTo(
            "To swap something I need a picture of the new element: attach one image and say"
                + " what it replaces, for example “replace the red car with the blue truck in"
                + " this photo”");
  }

  @Test
  void refusesAdditionWithoutImage() {
    refusedAs(RefusalReason.IMAGES_MISSING, "add a dog", 0)
        .isEqualTo(
            "To add something I need a picture of it: attach one or two images and say where it"
                + " goes, for example “add this hat to the man”");
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 10})
  void refusesSwapWithMoreThanOneImage(int images) {
    refusedAs(RefusalReason.TOO_MANY_IMAGES, "swap the cat for the dog", images)
        .startsWith(
            "A swap takes exactly 1 reference image, but you attached " + images + ". Attach only")
        .endsWith("for example “swap the cat for the dog in this photo”");
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 4})
  void refusesAdditionWithMoreThanTwoImages(int images) {
    Refused refused = refusal("add a dog to the sofa", images);

    assertThat(refused.reason()).isEqualTo(RefusalReason.TOO_MANY_IMAGES);
    assertThat(refused.message())
        .startsWith("An addition takes 1 or 2 reference images, but you attached " + images + ".");
    assertEndsWithExample(refused);
  }

  @Test
  void refusalExamplesAreThemselvesAccepted() {
    assertThat(Parsing.plan("remove the man in the red jacket", 0).mode().wireName())
        .isEqualTo("removal");
    assertThat(Parsing.plan("replace the red car with the blue truck in this photo", 1).prompt())
        .isEqualTo("Swap the blue truck from <<<image_1>>> for the red car from <<<video_1>>>");
    assertThat(Parsing.plan("add the hat and the scarf from these pictures to the man", 2).prompt())
        .isEqualTo(
            "Using the context of <<<video_1>>>, seamlessly add the hat from <<<image_1>>> and the"
                + " scarf from <<<image_2>>> to the man");
    assertThat(Parsing.plan("swap the cat for the dog in this photo", 1).elements())
        .isEqualTo(EditElements.swap("the cat", "the dog"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "remove the shaky camera",
        "get rid of the camera wobble",
        "remove the flickering",
        "stabilise the video",
        "The camera keeps shaking. Get rid of it."
      })
  void cameraShakeFlickerBlurGrainAndNoiseAreHowTheVideoWasFilmed(String instruction) {
    Refused refused = refusal(instruction, 0);

    assertThat(refused.reason()).isEqualTo(RefusalReason.NOT_AN_EDIT);
    assertThat(refused.message())
        .contains("how the video was filmed", "can’t stabilise or clean up footage");
    assertEndsWithExample(refused);
  }

  @Test
  void cameraShakeInChineseIsRefusedInChinese() {
    assertThat(refusal("去掉画面抖动", 0).message()).contains("“画面抖动”说的是拍摄本身", "不能防抖");
  }

  @Test
  void twoImagesWithAPlaceEachAreAddedRespectively() {
    assertThat(Parsing.plan("这两张图 add 进去：左边放 lamp，右边放 plant", 2).prompt())
        .isEqualTo("参考<<<video_1>>>的画面，将<<<image_1>>>中的lamp和<<<image_2>>>中的plant分别自然地添加到左边和右边");
    assertThat(
            Parsing.plan("add both pictures: the lamp on the left, the plant on the right", 2)
                .prompt())
        .isEqualTo(
            "Using the context of <<<video_1>>>, seamlessly add the lamp from <<<image_1>>> and the"
                + " plant from <<<image_2>>> to the left and the right respectively");
  }

  @Test
  void echoOfALongInstructionIsShortened() {
    Refused refused = refusal("make it better " + "and better ".repeat(40), 0);

    assertThat(refused.message()).contains("…”").hasSizeLessThan(400);
  }
}
