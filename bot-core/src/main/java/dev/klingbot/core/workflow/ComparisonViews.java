package dev.klingbot.core.workflow;

import dev.klingbot.core.chat.ChatFile;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.i18n.Messages;
import java.nio.file.Path;
import java.util.List;

/** The before-and-after message that follows a result. */
final class ComparisonViews {
  /** Below this mean difference (of 255) a source and its result look the same. */
  static final double SAME = 0.5;

  private ComparisonViews() {}

  /**
   * The words that start the comparison of an edit, in the current language; they carry the edit id
   * and are looked for after an interruption, so they must not change between versions without
   * keeping the old ones.
   */
  static String marker(Edit edit) {
    return Messages.text("delivery.compare.marker", edit.id());
  }

  /** The markers of an edit's comparison to look for, the current language's first. */
  static List<String> markers(Edit edit) {
    return Delivery.inEveryLanguage("delivery.compare.marker", edit.id());
  }

  /** The comparison: the still, and the side-by-side video when there is one. */
  static ChatMessage message(Edit edit, Comparison.Prepared comparison) {
    String at = Texts.seconds(comparison.millis());
    Path still = comparison.still();
    Path video = comparison.video();
    String text =
        Messages.text(
            comparison.difference() < SAME ? "delivery.compare.same" : "delivery.compare.changed",
            edit.id(),
            at);
    ChatMessage message =
        ChatMessage.text(text)
            .withFile(
                new ChatFile(
                    still,
                    still.getFileName().toString(),
                    Messages.text("delivery.compare.file.still", at)));
    if (video != null) {
      String stretch =
          comparison.wholeClip()
              ? Messages.text("delivery.compare.whole.clip")
              : Texts.seconds(comparison.fromMillis()).replace(" s", "")
                  + "–"
                  + Texts.seconds(comparison.toMillis());
      message =
          message.withFile(
              new ChatFile(
                  video,
                  video.getFileName().toString(),
                  Messages.text("delivery.compare.file.video", stretch)));
    }
    return message;
  }
}
