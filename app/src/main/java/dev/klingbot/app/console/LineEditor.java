package dev.klingbot.app.console;

import java.nio.file.Path;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;

/** The console's line editor (JLine): editing keys, and a history kept in a file across runs. */
public final class LineEditor {
  private LineEditor() {}

  /**
   * A reader on {@code terminal} whose history is saved to {@code historyFile} line by line, so ↑
   * (or Ctrl-P) recalls what was typed, also in an earlier session.
   */
  public static LineReader create(Terminal terminal, Path historyFile) {
    return LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("klingbot")
        .variable(LineReader.HISTORY_FILE, historyFile)
        .variable(LineReader.HISTORY_SIZE, 1000)
        // a line with `#` is a comment in scripts; keep it as typed
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .build();
  }
}
