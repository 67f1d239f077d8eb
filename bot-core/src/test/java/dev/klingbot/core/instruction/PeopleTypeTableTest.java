package dev.klingbot.core.instruction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.instruction.ParseResult.Planned;
import dev.klingbot.core.instruction.ParseResult.Refused;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13's table of instructions as people really type them ({@code
 * instructions/people-type.tsv}): each row says the edit mode it must give (or that it must be
 * refused) and the element words the Kling prompt must keep.
 */
class PeopleTypeTableTest {
  private static final InstructionParser PARSER = new InstructionParser();

  record Row(
      int line,
      String instruction,
      int images,
      String mode,
      List<String> keep,
      List<String> forbidden) {
    @Override
    public String toString() {
      return line + ": " + instruction;
    }
  }

  static List<Row> rows() throws IOException {
    try (InputStream in =
        PeopleTypeTableTest.class.getResourceAsStream("/instructions/people-type.tsv")) {
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      return java.util.stream.IntStream.range(0, lines.size())
          .filter(i -> !lines.get(i).isBlank() && !lines.get(i).startsWith("#"))
          .mapToObj(i -> row(i + 1, lines.get(i)))
          .toList();
    }
  }

  private static Row row(int line, String text) {
    String[] columns = text.split("\t", -1);
    return new Row(
        line,
        columns[0],
        Integer.parseInt(columns[1].strip()),
        columns[2].strip(),
        words(columns.length > 3 ? columns[3] : ""),
        words(columns.length > 4 ? columns[4] : ""));
  }

  private static List<String> words(String column) {
    return Arrays.stream(column.split(";")).map(String::strip).filter(w -> !w.isEmpty()).toList();
  }

  static Stream<Row> table() throws IOException {
    return rows().stream();
  }

  @Test
  void theTableCoversEnoughInstructions() throws IOException {
    List<Row> rows = rows();
    assertThat(rows).hasSizeGreaterThanOrEqualTo(300);
    assertThat(rows).filteredOn(r -> Scripts.hasHan(r.instruction())).hasSizeGreaterThan(60);
    assertThat(rows).filteredOn(r -> r.mode().equals("REFUSED")).hasSizeGreaterThan(60);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void instructionGivesItsModeAndKeepsItsElementWords(Row row) {
    ParseResult result = PARSER.parse(row.instruction(), row.images(), PromptTemplates.defaults());

    if (row.mode().equals("REFUSED")) {
      assertThat(result).as(String.valueOf(result)).isInstanceOf(Refused.class);
      Refused refused = (Refused) result;
      if (Scripts.mostlyChinese(row.instruction())) {
        assertThat(refused.message()).containsPattern("\\p{IsHan}").doesNotContain("I can't");
      }
      refused
          .suggestion()
          .ifPresent(
              s ->
                  assertThat(PARSER.parse(s, row.images(), PromptTemplates.defaults()))
                      .isInstanceOf(Planned.class));
      return;
    }
    assertThat(result).as(String.valueOf(result)).isInstanceOf(Planned.class);
    EditPlan plan = ((Planned) result).plan();
    assertThat(plan.mode().name()).as(plan.prompt()).isEqualTo(row.mode());
    String prompt = plan.prompt().toLowerCase(Locale.ROOT);
    for (String word : row.keep()) {
      assertThat(prompt).contains(word.toLowerCase(Locale.ROOT));
    }
    for (String word : row.forbidden()) {
      assertThat(prompt).doesNotContain(word.toLowerCase(Locale.ROOT));
    }
    // issue 11: a demonstrative never leaks into the prompt as part of an element
    assertThat(prompt).doesNotContainPattern("\\bthis\\b");
    assertThat(Placeholders.find(plan.prompt())).allMatch(Placeholders.KNOWN::contains);
  }
}
