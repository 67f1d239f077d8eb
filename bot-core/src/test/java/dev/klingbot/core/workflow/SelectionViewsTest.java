package dev.klingbot.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.testing.Edits;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SelectionViewsTest {
  private final Edit removal = Edits.removal("K7Q2MX4A", Instant.parse("2026-12-01T10:00:00Z"));

  @Test
  void clearingSaysKlingFindsTheElementFromThePromptUntilItIsMarkedAgain() {
    assertThat(SelectionViews.cleared(removal).text())
        .isEqualTo(
            "🧹 Cleared every marked point of edit `K7Q2MX4A`. Kling will find what to remove"
                + " from the prompt alone unless you mark it again.");
  }

  @Test
  void nothingMarkedSaysKlingFindsTheElementFromThePrompt() {
    assertThat(SelectionViews.nothingMarked(removal).text())
        .isEqualTo(
            "Nothing is marked on edit `K7Q2MX4A`; Kling will find what to remove from the prompt"
                + " alone.");
  }
}
