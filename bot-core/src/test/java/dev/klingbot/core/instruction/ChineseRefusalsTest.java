package dev.klingbot.core.instruction;

import static dev.klingbot.core.instruction.Parsing.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.i18n.Lang;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.core.instruction.ParseResult.Refused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A Chinese instruction is refused in Chinese, with a Chinese example at the end. */
class ChineseRefusalsTest {
  /** Every Chinese refusal ends with a Chinese example in curly quotes, after "例如". */
  private static void assertEndsWithChineseExample(Refused refused) {
    assertThat(refused.message()).containsPattern("例如.*“[^”]*\\p{IsHan}[^”]*”$");
    assertThat(refused.message()).doesNotContain("I can't", "Tell me", "for example");
  }

  @ParameterizedTest
  @ValueSource(strings = {"你好", "谢谢", "不要删除猫", "加速视频", "把视频加速", "放大画面", "视频太暗了，调亮一点"})
  void whatIsNotAnEditIsRefusedInChinese(String instruction) {
    Refused refused = refusal(instruction, 1);

    assertThat(refused.reason()).isEqualTo(RefusalReason.NOT_AN_EDIT);
    assertThat(refused.message()).startsWith("我没法把“").contains("删除", "替换", "“删除红色的车”");
    assertEndsWithChineseExample(refused);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          加字幕        | 1 | “字幕”没法添加
          删除背景音乐   | 0 | “背景音乐”没法删除
          把车换成红色   | 1 | “红色”没法替换
          删除           | 0 | 请告诉我要删除什么。
          删除它         | 0 | 请告诉我要删除什么：“它”没说是哪一个。
          """)
  void soundColourAndVagueThingsAreRefusedInChinese(String instruction, int images, String says) {
    Refused refused = refusal(instruction, images);

    assertThat(refused.reason()).isEqualTo(RefusalReason.NOT_AN_EDIT);
    assertThat(refused.message()).contains(says);
    assertEndsWithChineseExample(refused);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          把猫换成狗          | 0 | IMAGES_MISSING  | 要替换东西，我需要一张新东西的图片
          在桌子上放一个花瓶   | 0 | IMAGES_MISSING  | 要添加东西，我需要它的图片
          把猫换成狗          | 2 | TOO_MANY_IMAGES | 替换只能用 1 张参考图，但你附上了 2 张
          删除猫然后加一只狗   | 1 | NOT_AN_EDIT     | 不止一个要求
          """)
  void imageProblemsAndSeveralEditsAreRefusedInChinese(
      String instruction, int images, RefusalReason reason, String says) {
    Refused refused = refusal(instruction, images);

    assertThat(refused.reason()).isEqualTo(reason);
    assertThat(refused.message()).contains(says);
    assertThat(refused.message()).doesNotContain("I can't", "attach", "for example");
  }

  @ParameterizedTest
  @ValueSource(strings = {"make it better", "remove the music", "remove it", "add a dog"})
  void englishInstructionsAreStillRefusedInEnglish(String instruction) {
    Refused refused = refusal(instruction, 0);

    assertThat(refused.message()).doesNotContainPattern("\\p{IsHan}");
  }

  @Test
  void someoneWhoSpeaksChineseIsRefusedInChineseWhateverTheInstructionsLanguage() {
    try (Messages.Scope zh = Messages.use(Lang.ZH)) {
      Refused notAnEdit = refusal("make it better", 1);
      Refused tooMany = refusal("replace the cat with the dog", 2);

      assertThat(notAnEdit.message())
          .startsWith("我没法把“make it better”变成一次编辑：我可以删除视频里的东西")
          .contains("例如“删除红色的车”或“把红色的车换成图片里的蓝色卡车”");
      assertEndsWithChineseExample(notAnEdit);
      assertThat(tooMany.reason()).isEqualTo(RefusalReason.TOO_MANY_IMAGES);
      assertThat(tooMany.message()).isEqualTo("替换只能用 1 张参考图，但你附上了 2 张。请只附上新东西的图片，例如“把猫换成这张图片里的狗”");
    }
  }
}
