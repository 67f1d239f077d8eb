package dev.klingbot.core.instruction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Typo tolerance in the verb's place, and edits said as gerunds. */
class VerbLexiconTest {
  @Test
  void aLetterLeftOutDoubledOrSwappedIsCorrectedWithoutAsking() {
    assertThat(VerbLexicon.nearestVerb("rmove")).hasValueSatisfying(c -> assertSure(c, "remove"));
    assertThat(VerbLexicon.nearestVerb("addd")).hasValueSatisfying(c -> assertSure(c, "add"));
    assertThat(VerbLexicon.nearestVerb("sawp")).hasValueSatisfying(c -> assertSure(c, "swap"));
    assertThat(VerbLexicon.nearestVerb("delite")).hasValueSatisfying(c -> assertSure(c, "delete"));
  }

  @Test
  void aLetterMovedInALongVerbOrADoubledLetterTypedOnceIsCorrectedWithoutAsking() {
    // "reaplce": the same letters, one moved two places; "ad": the doubled d typed once
    assertThat(VerbLexicon.nearestVerb("reaplce"))
        .hasValueSatisfying(c -> assertSure(c, "replace"));
    assertThat(VerbLexicon.nearestVerb("ad")).hasValueSatisfying(c -> assertSure(c, "add"));
    // "remodel" is two letters from "remove" but not the same letters: never assumed
    assertThat(VerbLexicon.nearestVerb("remodel").filter(VerbLexicon.Correction::sure)).isEmpty();
  }

  @Test
  void swopIsAVerbOfItsOwn() {
    assertThat(VerbLexicon.nearestVerb("swop")).isEmpty();
  }

  @Test
  void aShortWordWithOneLetterReplacedIsOnlyOffered() {
    // "love" and "adn" may be other words: the reader offers "lose …" / "add …" as a suggestion
    assertThat(VerbLexicon.nearestVerb("love"))
        .hasValueSatisfying(c -> assertThat(c.sure()).isFalse());
    assertThat(VerbLexicon.nearestVerb("adn"))
        .hasValueSatisfying(
            c -> {
              assertThat(c.verb()).isEqualTo("add");
              assertThat(c.sure()).isFalse();
            });
  }

  @Test
  void realWordsAreNeverCorrected() {
    assertThat(VerbLexicon.nearestVerb("move")).isEmpty();
    assertThat(VerbLexicon.nearestVerb("putt")).isEmpty();
    assertThat(VerbLexicon.nearestVerb("remove")).isEmpty();
  }

  @Test
  void anEditSaidAsAGerundBecomesAnInstruction() {
    assertThat(VerbLexicon.fromGerund("clean up the clip by removing the cigarette"))
        .hasValue("remove the cigarette");
    assertThat(VerbLexicon.fromGerund("the logo needs removing")).hasValue("remove the logo");
    assertThat(VerbLexicon.fromGerund("how about zapping the sign")).hasValue("zap the sign");
    assertThat(VerbLexicon.fromGerund("the man walking his dog")).isEmpty();
  }

  private static void assertSure(VerbLexicon.Correction correction, String verb) {
    assertThat(correction.verb()).isEqualTo(verb);
    assertThat(correction.sure()).isTrue();
  }
}
