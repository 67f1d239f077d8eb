package dev.klingbot.core.instruction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.klingbot.kling.EditMode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class PromptTemplatesTest {
  private final InstructionParser parser = new InstructionParser();

  @Test
  void defaultsAreKlingsRecommendedTemplates() {
    PromptTemplates templates = PromptTemplates.defaults();

    assertThat(templates.template(EditMode.ADDITION, Language.ENGLISH))
        .isEqualTo(
            "Using the context of <<<video_1>>>, seamlessly add {subject} from {images} to"
                + " {location}");
    assertThat(templates.template(EditMode.SWAP, Language.ENGLISH))
        .isEqualTo("Swap {replacement} from <<<image_1>>> for {original} from <<<video_1>>>");
    assertThat(templates.template(EditMode.REMOVAL, Language.ENGLISH))
        .isEqualTo("Delete {element} from <<<video_1>>>");
    assertThat(templates.template(EditMode.REMOVAL, Language.CHINESE))
        .isEqualTo("删除<<<video_1>>>中的{element}");
    assertThat(templates.template(EditMode.SWAP, Language.CHINESE))
        .isEqualTo("用<<<image_1>>>中的{replacement}替换<<<video_1>>>中的{original}");
    assertThat(templates.template(EditMode.ADDITION, Language.CHINESE))
        .isEqualTo("参考<<<video_1>>>的画面，将{images}中的{subject}自然地添加到{location}");
    assertThat(templates.overrides()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(EditMode.class)
  void defaultTemplatesPassTheirOwnRules(EditMode mode) {
    for (Language language : Language.values()) {
      assertThat(PromptTemplates.problems(mode, PromptTemplates.defaultTemplate(mode, language)))
          .isEmpty();
    }
  }

  @Test
  void overrideIsUsedWhateverTheLanguage() {
    PromptTemplates templates =
        PromptTemplates.defaults()
            .withOverride(EditMode.REMOVAL, "  Erase {element} completely from <<<video_1>>> ");

    assertThat(prompt("remove the red car", 0, templates))
        .isEqualTo("Erase the red car completely from <<<video_1>>>");
    assertThat(prompt("删除红车", 0, templates)).isEqualTo("Erase 红车 completely from <<<video_1>>>");
    assertThat(prompt("replace the cat with a dog", 1, templates))
        .isEqualTo("Swap a dog from <<<image_1>>> for the cat from <<<video_1>>>");
  }

  @Test
  void overridesAreImmutable() {
    PromptTemplates defaults = PromptTemplates.defaults();
    PromptTemplates changed =
        defaults.withOverride(
            EditMode.SWAP, "Put {replacement} of <<<image_1>>> over {original} in <<<video_1>>>");

    assertThat(defaults.overrides()).isEmpty();
    assertThat(changed.overrides())
        .containsExactly(
            Map.entry(
                EditMode.SWAP,
                "Put {replacement} of <<<image_1>>> over {original} in <<<video_1>>>"));
    assertThatThrownBy(() -> changed.overrides().put(EditMode.REMOVAL, "x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(changed.withoutOverride(EditMode.SWAP)).isEqualTo(defaults);
    assertThat(PromptTemplates.of(changed.overrides())).isEqualTo(changed);
  }

  @Test
  void additionOverrideNamesBothImages() {
    PromptTemplates templates =
        PromptTemplates.defaults()
            .withOverride(
                EditMode.ADDITION, "In <<<video_1>>> put {subject} ({images}) at {location}");

    assertThat(prompt("add the hats to the twins", 2, templates))
        .isEqualTo("In <<<video_1>>> put the hats (<<<image_1>>> and <<<image_2>>>) at the twins");
    assertThat(prompt("给双胞胎加上帽子", 2, templates))
        .isEqualTo("In <<<video_1>>> put 帽子 (<<<image_1>>>和<<<image_2>>>) at 双胞胎");
  }

  @Test
  void swapOverrideMayNameTheImageWithImagesVariable() {
    assertThat(
            PromptTemplates.problems(
                EditMode.SWAP, "Swap {replacement} from {images} for {element} from <<<video_1>>>"))
        .isEmpty();
  }

  @Test
  void substitutionIsOnePass() {
    EditPlan plan = Parsing.plan("add the {location} sign to the {subject} wall", 1);

    assertThat(plan.elements())
        .isEqualTo(EditElements.addition("the {location} sign", "the {subject} wall"));
    assertThat(plan.prompt())
        .isEqualTo(
            "Using the context of <<<video_1>>>, seamlessly add the {location} sign from"
                + " <<<image_1>>> to the {subject} wall");
    assertThat(Parsing.plan("remove the {images} logo", 0).prompt())
        .isEqualTo("Delete the {images} logo from <<<video_1>>>");
  }

  @ParameterizedTest(name = "[{index}] {0}: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          REMOVAL  | Delete {element}                                        | It must contain <<<video_1>>>, which tells Kling which video to edit.
          REMOVAL  | Delete {element} from <<<video_1>>> as in <<<image_1>>>  | A removal template must not mention reference images (<<<image_1>>>, <<<image_2>>> or {images}): removal uses none.
          REMOVAL  | Delete {element} from <<<video_1>>> as in {images}       | “{images}” has no value in a removal edit; use {element}.
          REMOVAL  | Delete the thing from <<<video_1>>>                     | It must contain {element}, the thing to remove.
          REMOVAL  | Delete {subject} from <<<video_1>>>                     | “{subject}” has no value in a removal edit; use {element}.
          REMOVAL  | Delete {colour} {element} from <<<video_1>>>            | “{colour}” is not a variable; use {element}, {original}, {replacement}, {subject}, {location}, {images}.
          REMOVAL  | Delete {element} from <<<video_1>>> and <<<image_3>>>   | “<<<image_3>>>” is not a Kling placeholder; use <<<video_1>>>, <<<image_1>>> or <<<image_2>>>.
          REMOVAL  | Delete {element} from <<<Video_1>>>                     | “<<<Video_1>>>” is not a Kling placeholder; use <<<video_1>>>, <<<image_1>>> or <<<image_2>>>.
          REMOVAL  | Delete {element} from <<<video_1                        | “<<<” does not make a complete placeholder; write them exactly as <<<video_1>>>, <<<image_1>>> or <<<image_2>>>.
          SWAP     | Swap {replacement} for {original} from <<<video_1>>>    | A swap template must contain <<<image_1>>>, the picture of the new element.
          SWAP     | Swap <<<image_2>>> and <<<image_1>>> for {original} in <<<video_1>>> | A swap template must not contain <<<image_2>>>: a swap takes one image.
          SWAP     | Swap {replacement} from <<<image_1>>> into <<<video_1>>> | It must contain {original}, the thing in the video being replaced.
          SWAP     | Swap {subject} from <<<image_1>>> for {original} in <<<video_1>>> | “{subject}” has no value in a swap edit; use {element}, {original}, {replacement}, {images}.
          ADDITION | Add {subject} to {location} in <<<video_1>>>            | An addition template must contain {images} or <<<image_1>>>, the picture of what to add.
          ADDITION | Add {subject} from <<<image_1>>> and <<<image_2>>> to <<<video_1>>> | Write {images} instead of <<<image_2>>>: the second image is optional, and {images} names both images when there are two.
          ADDITION | Add {element} from {images} to <<<video_1>>>            | “{element}” has no value in an addition edit; use {subject}, {location}, {images}.
          """)
  void reportsEachProblemInPlainWords(EditMode mode, String template, String problem) {
    assertThat(PromptTemplates.problems(mode, template)).contains(problem);
    assertThatThrownBy(() -> PromptTemplates.defaults().withOverride(mode, template))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("The " + mode.wireName() + " template can't be used: ")
        .hasMessageContaining(problem);
  }

  @Test
  void reportsEveryProblemAtOnce() {
    TemplateException exception =
        org.junit.jupiter.api.Assertions.assertThrows(
            TemplateException.class,
            () -> PromptTemplates.defaults().withOverride(EditMode.SWAP, "Swap it {whatever}"));

    assertThat(exception.mode()).isEqualTo(EditMode.SWAP);
    assertThat(exception.problems())
        .containsExactly(
            "“{whatever}” is not a variable; use {element}, {original}, {replacement}, {subject},"
                + " {location}, {images}.",
            "It must contain <<<video_1>>>, which tells Kling which video to edit.",
            "A swap template must contain <<<image_1>>>, the picture of the new element.",
            "It must contain {original}, the thing in the video being replaced.");
  }

  @Test
  void refusesEmptyTemplate() {
    assertThat(PromptTemplates.problems(EditMode.REMOVAL, "  "))
        .containsExactly(
            "The template is empty; write the prompt Kling should get, for example “Delete"
                + " {element} from <<<video_1>>>”.");
    assertThat(PromptTemplates.problems(EditMode.REMOVAL, null)).hasSize(1);
  }

  @Test
  void templateMayHave2000CharactersButNotMore() {
    String base = "Delete {element} from <<<video_1>>> ";
    String exact = base + "x".repeat(2000 - base.length());

    assertThat(PromptTemplates.problems(EditMode.REMOVAL, exact)).isEmpty();
    assertThat(PromptTemplates.problems(EditMode.REMOVAL, exact + "x"))
        .containsExactly("It is 2001 characters long; a template can have at most 2000.");
  }

  private String prompt(String instruction, int images, PromptTemplates templates) {
    return Parsing.plan(parser.parse(instruction, images, templates)).prompt();
  }
}
