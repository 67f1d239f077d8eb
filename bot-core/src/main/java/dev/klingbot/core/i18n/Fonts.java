package dev.klingbot.core.i18n;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.Optional;

/** Fonts for words drawn into pictures (labels of a comparison, a chart's title). */
public final class Fonts {
  private Fonts() {}

  /**
   * A font of {@code style} and {@code size} that can draw every character of {@code text}: the
   * logical sans-serif font when it can, else an installed font that can; empty when none can (a
   * machine without Han glyphs asked for Chinese), so the caller draws other words instead of empty
   * boxes.
   */
  public static Optional<Font> drawing(String text, int style, int size) {
    Font sans = new Font(Font.SANS_SERIF, style, size);
    if (sans.canDisplayUpTo(text) < 0) {
      return Optional.of(sans);
    }
    return Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment().getAllFonts())
        .filter(font -> font.canDisplayUpTo(text) < 0)
        .findFirst()
        .map(font -> font.deriveFont(style, (float) size));
  }
}
