package dev.klingbot.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.i18n.Lang;
import dev.klingbot.core.i18n.Messages;
import dev.klingbot.kling.KlingErrorCode;
import dev.klingbot.kling.KlingException;
import org.junit.jupiter.api.Test;

/** Kling's refusals read the same in English as the SDK words them, and in Chinese in Chinese. */
class KlingMessagesTest {

  @Test
  void everyErrorCodeReadsInEnglishAsTheSdkSaysIt() {
    for (KlingErrorCode code : KlingErrorCode.values()) {
      assertThat(Messages.text(Lang.EN, KlingMessages.key(code)))
          .as(code.name())
          .isEqualTo(code.userMessage());
    }
  }

  @Test
  void aRefusalWithKlingsDetailIsToldInChineseWithTheDetailAsKlingSaidIt() {
    KlingException refused =
        KlingException.builder(KlingErrorCode.CONTENT_SAFETY, "create-task refused")
            .apiMessage("content not allowed")
            .build();

    String english = KlingMessages.describe(refused);
    String chinese;
    try (Messages.Scope zh = Messages.use(Lang.ZH)) {
      chinese = KlingMessages.describe(refused);
    }

    assertThat(english)
        .isEqualTo(
            "Kling refused the content; rephrase the instruction. (Kling said: content not"
                + " allowed)");
    assertThat(chinese).isEqualTo("Kling 拒绝了这些内容；请换个说法描述指令。（Kling 的原话：content not allowed）");
  }
}
