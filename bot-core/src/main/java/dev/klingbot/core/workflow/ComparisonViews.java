package dev.klingbot.core.workflow;

import dev.klingbot.core.chat.ChatFile;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.edit.Edit;
import java.nio.file.Path;

/** The before-and-after message that follows a result. */
final class ComparisonViews {
  /** Below this mean difference (of 255) a source and its result look the same. */
  static final double SAME = 0.5;

  private ComparisonViews() {}

  /**
   * The words that start the comparison of an edit; they carry the edit id and are looked for after
   * an interruption, so they must not change between versions without keeping the old ones.
   */
  static String marker(Edit edit) {
    return "Before and after `" + edit.id() + "`";
  }

  /**
   * The comparison: the still at {@code millis}, and the side-by-side video of {@code fromMillis}
   * to {@code toMillis} when there is one ({@code video} {@code null} otherwise).
   */
  static ChatMessage message(
      Edit edit,
      long millis,
      double difference,
      Path still,
      Path video,
      long fromMillis,
      long toMillis,
      boolean wholeClip) {
    String at = Texts.seconds(millis);
    StringBuilder text = new StringBuilder("🔍 ").append(marker(edit)).append(": ");
    if (difference < SAME) {
      text.append(
              "the source (left) and the result (right) look almost the same; here they are at ")
          .append(at)
          .append('.');
    } else {
      text.append("the source (left) and the result (right) at ")
          .append(at)
          .append(", where the edit changed the picture most.");
    }
    ChatMessage message =
        ChatMessage.text(text.toString())
            .withFile(
                new ChatFile(still, still.getFileName().toString(), "Before and after at " + at));
    if (video != null) {
      String stretch =
          wholeClip
              ? "the whole clip"
              : Texts.seconds(fromMillis).replace(" s", "") + "–" + Texts.seconds(toMillis);
      message =
          message.withFile(
              new ChatFile(
                  video,
                  video.getFileName().toString(),
                  "Before and after side by side, " + stretch));
    }
    return message;
  }
}
