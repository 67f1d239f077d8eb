package dev.klingbot.core.instruction;

import static dev.klingbot.core.instruction.Parsing.plan;
import static dev.klingbot.core.instruction.Parsing.plannedAs;
import static dev.klingbot.core.instruction.Parsing.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.klingbot.kling.EditMode;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 13, round 11: ways of asking that are said in another form before they are read. */
class RephrasingsTest {
  /** Ways of asking, each with the edit it asks for and what its prompt must and must not say. */
  static Stream<Arguments> rephrased() {
    return Stream.of(
        argumentSet(
            "a pronoun in a passive question is the person named before",
            EditMode.REMOVAL,
            "Look at the man with the dog on a lead. Could he be deleted?",
            0,
            List.of("the man with the dog on a lead"),
            List.of(" he ")),
        argumentSet(
            "a thing wanted removed is a removal not an addition",
            EditMode.REMOVAL,
            "I want the bin by the gate removed, it ruins the shot",
            0,
            List.of("the bin by the gate"),
            List.of("want")),
        argumentSet(
            "a swap said as a wish with instead is a swap",
            EditMode.SWAP,
            "I'd like the lamp on the desk to be this one instead",
            1,
            List.of("the lamp on the desk"),
            List.of()),
        argumentSet(
            "a remark then it swaps the thing the remark named",
            EditMode.SWAP,
            "the banner on the stage is faded, replace it with this one",
            1,
            List.of("the banner on the stage"),
            List.of()),
        argumentSet(
            "an addition wished for keeps the scene as the location",
            EditMode.ADDITION,
            "would be lovely if this swan was swimming on the lake",
            1,
            List.of("swan", "the lake"),
            List.of()),
        argumentSet(
            "a Chinese question ending in 不 is a removal",
            EditMode.REMOVAL,
            "门口那个快递箱能去掉不",
            0,
            List.of("快递箱"),
            List.of("能")));
  }

  @ParameterizedTest
  @MethodSource("rephrased")
  void isReadAsTheEditItAsksFor(
      EditMode mode, String instruction, int images, List<String> said, List<String> notSaid) {
    AbstractStringAssert<?> prompt = plannedAs(mode, instruction, images);
    said.forEach(prompt::contains);
    notSaid.forEach(prompt::doesNotContain);
  }

  @Test
  void chatAbbreviationsOfTheVerbAreRead() {
    assertThat(plan("plz rmv the kite", 0).prompt()).contains("the kite");
    assertThat(plan("dlt the timestamp", 0).mode()).isEqualTo(EditMode.REMOVAL);
  }

  @Test
  void aSwapWithTwoPicturesOfTheSameThingIsExplainedNotSent() {
    // the API takes exactly one image for a swap (kling-api.md)
    assertThat(refusal("switch the bike for this one, two shots of the same bike", 2).message())
        .contains("exactly 1");
  }

  @Test
  void aStateThatIsNotAThingInThePictureIsStillRefused() {
    assertThat(refusal("no more music please", 0).message()).isNotBlank();
    assertThat(refusal("rm the first 5 seconds", 0).message()).isNotBlank();
  }

  @Test
  void aPersonPronounWithNobodyNamedBeforeIsAskedAbout() {
    assertThat(refusal("can he be removed?", 0).message()).contains("“him”");
  }
}
