package dev.klingbot.core.instruction;

import static dev.klingbot.core.instruction.Parsing.plan;
import static dev.klingbot.core.instruction.Parsing.plannedAs;
import static dev.klingbot.core.instruction.Parsing.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.kling.EditMode;
import org.junit.jupiter.api.Test;

/** Issue 13, round 11: ways of asking that are said in another form before they are read. */
class RephrasingsTest {
  @Test
  void aPronounInAPassiveQuestionIsThePersonNamedBefore() {
    plannedAs(EditMode.REMOVAL, "Look at the man with the dog on a lead. Could he be deleted?", 0)
        .contains("the man with the dog on a lead")
        .doesNotContain(" he ");
  }

  @Test
  void aThingWantedRemovedIsARemovalNotAnAddition() {
    plannedAs(EditMode.REMOVAL, "I want the bin by the gate removed, it ruins the shot", 0)
        .contains("the bin by the gate")
        .doesNotContain("want");
  }

  @Test
  void chatAbbreviationsOfTheVerbAreRead() {
    assertThat(plan("plz rmv the kite", 0).prompt()).contains("the kite");
    assertThat(plan("dlt the timestamp", 0).mode()).isEqualTo(EditMode.REMOVAL);
  }

  @Test
  void aSwapSaidAsAWishWithInsteadIsASwap() {
    plannedAs(EditMode.SWAP, "I'd like the lamp on the desk to be this one instead", 1)
        .contains("the lamp on the desk");
  }

  @Test
  void aRemarkThenItSwapsTheThingTheRemarkNamed() {
    plannedAs(EditMode.SWAP, "the banner on the stage is faded, replace it with this one", 1)
        .contains("the banner on the stage");
  }

  @Test
  void anAdditionWishedForKeepsTheSceneAsTheLocation() {
    plannedAs(EditMode.ADDITION, "would be lovely if this swan was swimming on the lake", 1)
        .contains("swan")
        .contains("the lake");
  }

  @Test
  void aChineseQuestionEndingInBuIsARemoval() {
    plannedAs(EditMode.REMOVAL, "门口那个快递箱能去掉不", 0).contains("快递箱").doesNotContain("能");
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
