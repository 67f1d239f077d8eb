package dev.klingbot.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.i18n.Lang;
import dev.klingbot.core.i18n.Messages;
import org.junit.jupiter.api.Test;

/** The progress lines count the edits ahead in each language's own way. */
class TaskTextsTest {

  @Test
  void theQueueLineCountsTheEditsAheadInEnglishAndInChinese() {
    assertThat(TaskTexts.queued(0)).contains("Yours is next in line; it starts by itself.");
    assertThat(TaskTexts.queued(1)).contains("1 edit is ahead of yours;");
    assertThat(TaskTexts.queued(3)).contains("3 edits are ahead of yours;");
    try (Messages.Scope zh = Messages.use(Lang.ZH)) {
      assertThat(TaskTexts.queued(0))
          .isEqualTo("⏳ **排队中** — Kling 账户正在运行尽可能多的编辑。下一个就轮到你，轮到时会自动开始。");
      assertThat(TaskTexts.queued(3)).contains("前面还有 3 个编辑，");
    }
  }

  @Test
  void aStateReadsAsItsIdentifierInEnglishAndInWordsInChinese() {
    assertThat(EditState.SELECTING.text()).isEqualTo("selecting");
    try (Messages.Scope zh = Messages.use(Lang.ZH)) {
      assertThat(EditState.SELECTING.text()).isEqualTo("标记中");
      assertThat(EditState.SELECTING.label()).isEqualTo("selecting");
    }
  }
}
