package dev.klingbot.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextChunksTest {

  @Test
  void shortTextStaysOnePiece() {
    assertThat(TextChunks.split("hello", 2000)).containsExactly("hello");
  }

  @Test
  void longTextIsCutAtLineBreaksWithinTheLimit() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      text.append("- line number ").append(i).append(" of the history\n");
    }
    List<String> chunks = TextChunks.split(text.toString().strip(), 2000);

    assertThat(chunks)
        .hasSizeGreaterThan(2)
        .allSatisfy(c -> assertThat(c).hasSizeLessThanOrEqualTo(2000));
    assertThat(String.join("\n", chunks)).isEqualTo(text.toString().strip());
    assertThat(chunks).allSatisfy(c -> assertThat(c).startsWith("- line number"));
  }

  @Test
  void textWithoutSpacesIsCutHardButNeverInsideASurrogatePair() {
    String text = "😀".repeat(1500);
    List<String> chunks = TextChunks.split(text, 2000);

    assertThat(chunks).allSatisfy(c -> assertThat(c).hasSizeLessThanOrEqualTo(2000));
    assertThat(chunks)
        .allSatisfy(c -> assertThat(Character.isHighSurrogate(c.charAt(c.length() - 1))).isFalse());
    assertThat(String.join("", chunks)).isEqualTo(text);
  }

  @Test
  void aCodeBlockCutInTwoIsClosedAndReopened() {
    StringBuilder text = new StringBuilder("📈 **Usage**\n```\n");
    for (int i = 0; i < 120; i++) {
      text.append(String.format("user-%03d                     12     3%n", i));
    }
    text.append("```\nThe end.");
    List<String> chunks = TextChunks.split(text.toString(), 2000);

    assertThat(chunks).hasSizeGreaterThan(1);
    for (String chunk : chunks) {
      assertThat(chunk).hasSizeLessThanOrEqualTo(2000);
      assertThat(chunk.split("```", -1).length % 2).as("balanced fences in %s", chunk).isEqualTo(1);
    }
    assertThat(chunks.get(1)).startsWith("```\n");
    assertThat(chunks.get(chunks.size() - 1)).endsWith("The end.");
  }

  @Test
  void clipKeepsLineBreaksAndAddsAnEllipsis() {
    assertThat(TextChunks.clip("a\nb", 10)).isEqualTo("a\nb");
    String clipped = TextChunks.clip("x".repeat(2500), 2000);
    assertThat(clipped).hasSize(2000).endsWith("…");
  }
}
