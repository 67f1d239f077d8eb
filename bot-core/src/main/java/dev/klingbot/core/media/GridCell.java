package dev.klingbot.core.media;

import static java.util.Objects.requireNonNull;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cell of the {@link GridOverlay} grid: column {@code A}–{@code J} (A is the left) and row 1–10
 * (1 is the top), like {@code C4}.
 *
 * @param column {@code 'A'}..{@code 'J'}
 * @param row 1..10
 */
public record GridCell(char column, int row) {
  /** Number of columns and of rows. */
  public static final int SIZE = 10;

  private static final Pattern CELL = Pattern.compile("([A-Za-z])\\s*-?\\s*(\\d{1,2})");

  public GridCell {
    column = Character.toUpperCase(column);
    if (column < 'A' || column >= 'A' + SIZE || row < 1 || row > SIZE) {
      throw new IllegalArgumentException(invalid(String.valueOf(column) + row));
    }
  }

  /**
   * Reads a cell name: {@code "C4"}, {@code "c4"}, {@code "c 4"}, {@code "C10"}.
   *
   * @throws IllegalArgumentException with a message for the user when it is not a cell
   */
  public static GridCell parse(String text) {
    requireNonNull(text, "text is null");
    Matcher matcher = CELL.matcher(text.strip());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(invalid(text.strip()));
    }
    char column = Character.toUpperCase(matcher.group(1).charAt(0));
    int row = Integer.parseInt(matcher.group(2));
    if (column < 'A' || column >= 'A' + SIZE || row < 1 || row > SIZE) {
      throw new IllegalArgumentException(invalid(text.strip()));
    }
    return new GridCell(column, row);
  }

  /** The cell's column, 0 (A) to 9 (J). */
  public int columnIndex() {
    return column - 'A';
  }

  /** The cell's row, 0 (row 1) to 9 (row 10). */
  public int rowIndex() {
    return row - 1;
  }

  /** The horizontal centre of the cell as a fraction of the frame width (A → 0.05, J → 0.95). */
  public double x() {
    return (columnIndex() + 0.5) / SIZE;
  }

  /** The vertical centre of the cell as a fraction of the frame height (1 → 0.05, 10 → 0.95). */
  public double y() {
    return (rowIndex() + 0.5) / SIZE;
  }

  /** The name of the cell: {@code C4}. */
  public String label() {
    return String.valueOf(column) + row;
  }

  @Override
  public String toString() {
    return label();
  }

  private static String invalid(String text) {
    return "“" + text + "” is not a grid cell; use a letter A–J and a number 1–10, like C4";
  }
}
