package dev.klingbot.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.i18n.Lang;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.testing.Edits;
import java.nio.file.Path;
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

  @Test
  void theGridOfAnotherFrameNamesTheFrameInTheCommandInChinese() {
    String text;
    try (Messages.Scope zh = Messages.use(Lang.ZH)) {
      text = SelectionViews.grid(removal, 3, Path.of("grid-3.png")).text();
    }

    assertThat(text)
        .startsWith("🔲 编辑 `K7Q2MX4A` 的第 3 帧（带网格）。请回复覆盖要移除的对象的格子，例如 ")
        .endsWith(" `frame:3`。")
        .doesNotContain("Frame", "Answer");
  }
}
