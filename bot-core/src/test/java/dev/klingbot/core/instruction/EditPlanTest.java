package dev.klingbot.core.instruction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.klingbot.kling.EditMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EditPlanTest {

  @Test
  void summaryNamesTheEditInOneLine() {
    assertThat(Parsing.plan("remove the man in the red jacket", 0).summary())
        .isEqualTo("Remove “the man in the red jacket”");
    assertThat(Parsing.plan("swap the cat for the dog in this photo", 1).summary())
        .isEqualTo("Replace “the cat” with “the dog”");
    assertThat(Parsing.plan("add this hat to the man", 1).summary())
        .isEqualTo("Add “the hat” to “the man”");
    assertThat(Parsing.plan("add a dog", 1).summary()).isEqualTo("Add “a dog” to “the scene”");
    assertThat(Parsing.plan("删除红衣服的男人", 0).summary()).isEqualTo("Remove “红衣服的男人”");
  }

  @Test
  void summaryShortensLongPhrases() {
    String summary = Parsing.plan("remove the " + "very ".repeat(30) + "long car", 0).summary();

    assertThat(summary).startsWith("Remove “the very very").endsWith("…”").hasSizeLessThan(75);
  }

  @Test
  void noticesAreCopied() {
    List<String> notices = new ArrayList<>(List.of("one"));
    EditPlan plan =
        new EditPlan(
            EditMode.REMOVAL,
            EditElements.removal("the car"),
            "Delete the car from <<<video_1>>>",
            null,
            0,
            notices,
            Language.ENGLISH,
            false);
    notices.add("two");

    assertThat(plan.notices()).containsExactly("one");
    assertThatThrownBy(() -> plan.notices().add("three"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejectsImageCountTheModeCannotTake() {
    assertThatThrownBy(
            () ->
                new EditPlan(
                    EditMode.SWAP,
                    EditElements.swap("the cat", "the dog"),
                    "Swap the dog from <<<image_1>>> for the cat from <<<video_1>>>",
                    null,
                    2,
                    List.of(),
                    Language.ENGLISH,
                    false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("swap takes exactly 1 reference image, not 2");
  }

  @Test
  void rejectsPromptOverTheLimit() {
    assertThatThrownBy(
            () ->
                new EditPlan(
                    EditMode.REMOVAL,
                    EditElements.removal("x"),
                    "x".repeat(2501),
                    null,
                    0,
                    List.of(),
                    Language.ENGLISH,
                    true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void elementFactoriesFillOnlyTheirFields() {
    assertThat(EditElements.removal("a")).isEqualTo(new EditElements("a", null, null, null));
    assertThat(EditElements.swap("a", "b")).isEqualTo(new EditElements("a", "b", null, null));
    assertThat(EditElements.addition("a", "b")).isEqualTo(new EditElements(null, null, "a", "b"));
    assertThat(EditElements.none()).isEqualTo(new EditElements(null, null, null, null));
  }
}
