package dev.klingbot.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GridCellTest {
  @Test
  void parsesCellNames() {
    assertThat(GridCell.parse("C4")).isEqualTo(new GridCell('C', 4));
    assertThat(GridCell.parse("c4")).isEqualTo(new GridCell('C', 4));
    assertThat(GridCell.parse(" c 4 ")).isEqualTo(new GridCell('C', 4));
    assertThat(GridCell.parse("C10")).isEqualTo(new GridCell('C', 10));
    assertThat(GridCell.parse("j10").label()).isEqualTo("J10");
  }

  @Test
  void centresAreFractionsOfTheFrame() {
    GridCell a1 = GridCell.parse("A1");
    GridCell j10 = GridCell.parse("J10");
    GridCell c4 = GridCell.parse("C4");

    assertThat(a1.x()).isEqualTo(0.05);
    assertThat(a1.y()).isEqualTo(0.05);
    assertThat(j10.x()).isEqualTo(0.95);
    assertThat(j10.y()).isEqualTo(0.95);
    assertThat(c4.x()).isEqualTo(0.25);
    assertThat(c4.y()).isEqualTo(0.35);
  }

  @Test
  void explainsWhatACellIs() {
    assertThatThrownBy(() -> GridCell.parse("K4"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("“K4” is not a grid cell; use a letter A–J and a number 1–10, like C4");
  }

  @ParameterizedTest
  @ValueSource(strings = {"A0", "A11", "", "44", "CC4", "C", "4C", "C4.5"})
  void refusesWhatIsNotACell(String text) {
    assertThatThrownBy(() -> GridCell.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a grid cell");
  }
}
