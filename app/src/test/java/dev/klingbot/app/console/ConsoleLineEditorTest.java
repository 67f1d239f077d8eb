package dev.klingbot.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.app.wiring.TestConfigs;
import dev.klingbot.config.KlingbotConfig;
import dev.klingbot.core.Platform;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.chat.Conversation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.reader.LineReader;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interactive console, driven through a dumb terminal over piped streams. */
class ConsoleLineEditorTest {
  private static final String CTRL_D = "\u0004";
  private static final String CTRL_P = "\u0010";

  @TempDir Path dir;

  /** A dumb terminal set up like a real one: Ctrl-D ends the input on an empty line. */
  private static Terminal terminal(InputStream in, OutputStream out) throws IOException {
    Terminal terminal =
        new DumbTerminal("test", Terminal.TYPE_DUMB, in, out, StandardCharsets.UTF_8);
    Attributes attributes = terminal.getAttributes();
    attributes.setControlChar(Attributes.ControlChar.VEOF, 4);
    terminal.setAttributes(attributes);
    return terminal;
  }

  /** The console running on a terminal a test types into. */
  private final class Typist implements AutoCloseable {
    final PipedOutputStream keys = new PipedOutputStream();
    final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    final Terminal terminal;
    final LineReader reader;
    final Thread console;

    Typist() throws Exception {
      terminal = terminal(new PipedInputStream(keys), screen);
      reader = LineEditor.create(terminal, dir.resolve("history"));
      KlingbotConfig config = TestConfigs.inFolder(dir, "media");
      console =
          new Thread(
              () ->
                  ConsoleApp.run(
                      config,
                      true,
                      Duration.ofSeconds(2),
                      reader,
                      new PrintStream(screen, true, StandardCharsets.UTF_8),
                      "tester",
                      ""));
      console.start();
    }

    void type(String text) throws IOException {
      keys.write(text.getBytes(StandardCharsets.UTF_8));
      keys.flush();
    }

    /** Types {@code text} and waits until the editor holds it as the line being typed. */
    void typeUnfinished(String text) throws Exception {
      type(text);
      Instant deadline = Instant.now().plusSeconds(20);
      while (!reader.getBuffer().toString().equals(text)) {
        if (Instant.now().isAfter(deadline)) {
          throw new AssertionError("the editor never held “" + text + "”");
        }
        Thread.sleep(20);
      }
    }

    /** Types {@code text} without Enter, then Ctrl-C: the line is dropped, the prompt is back. */
    void cancelAfterTyping(String text) throws Exception {
      typeUnfinished(text);
      terminal.raise(Terminal.Signal.INT);
      await(ConsoleSession.cancelledLine(), "you> ");
    }

    String screen() {
      terminal.flush();
      return screen.toString(StandardCharsets.UTF_8);
    }

    /** Waits until {@code text} is on the screen after {@code after}, and returns the screen. */
    String await(String after, String text) throws InterruptedException {
      Instant deadline = Instant.now().plusSeconds(60);
      while (Instant.now().isBefore(deadline)) {
        String shown = screen();
        int from = after.isEmpty() ? 0 : shown.lastIndexOf(after);
        if (from >= 0 && shown.indexOf(text, from + after.length()) >= 0) {
          return shown;
        }
        Thread.sleep(20);
      }
      throw new AssertionError("never shown: " + text + "\n" + screen());
    }

    String finish() throws InterruptedException {
      console.join(60_000);
      assertThat(console.isAlive()).as("the console left").isFalse();
      return screen();
    }

    @Override
    public void close() throws IOException {
      terminal.close();
    }
  }

  @Test
  void ctrlCCancelsTheLineAndCtrlDLeavesWithTheGoodbye() throws Exception {
    try (Typist typist = new Typist()) {
      typist.await("", "you> ");
      typist.cancelAfterTyping("frobnicate");
      typist.type("history\n");
      typist.await("", "You have no edits on this server yet");
      typist.type(CTRL_D);

      assertThat(typist.finish())
          .doesNotContain("frobnicate”")
          .endsWith(ConsoleSession.goodbye() + "\n");
    }
  }

  @Test
  void ctrlCTwiceInARowLeavesWithTheGoodbye() throws Exception {
    try (Typist typist = new Typist()) {
      typist.await("", "you> ");
      typist.cancelAfterTyping("hist");
      typist.terminal.raise(Terminal.Signal.INT);

      assertThat(typist.finish())
          .endsWith(ConsoleSession.goodbye() + "\n")
          .doesNotContain("You have no edits");
    }
  }

  @Test
  void typedLinesAreKeptAsTheyWereAndTheHistoryCarriesOverToTheNextSession() throws Exception {
    Path history = dir.resolve("history");
    String typed = "edit clip.mp4 remove the man's hat! C:\\x";
    String first;
    try (Terminal terminal =
        terminal(
            new ByteArrayInputStream((typed + "\n").getBytes(StandardCharsets.UTF_8)),
            new ByteArrayOutputStream())) {
      first = LineEditor.create(terminal, history).readLine("you> ");
    }
    List<String> recalled = new ArrayList<>();
    try (Terminal terminal =
        terminal(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())) {
      LineReader next = LineEditor.create(terminal, history);
      next.getHistory().attach(next);
      next.getHistory().forEach(entry -> recalled.add(entry.line()));
    }

    assertThat(first).isEqualTo(typed);
    assertThat(recalled).containsExactly(typed);
  }

  @Test
  void aBotMessageWhileTheUserTypesIsPrintedAboveThePromptWhichIsRedrawn() throws Exception {
    PipedOutputStream keys = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(keys);
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    try (Terminal terminal = terminal(in, screen)) {
      LineReader reader = LineEditor.create(terminal, dir.resolve("history"));
      ConsoleChat chat = new ConsoleChat(new PrintStream(screen, true, StandardCharsets.UTF_8));
      chat.printVia(reader::printAbove);
      CompletableFuture<String> line =
          CompletableFuture.supplyAsync(() -> reader.readLine("you> "));
      keys.write("select".getBytes(StandardCharsets.UTF_8));
      keys.flush();
      Instant deadline = Instant.now().plusSeconds(20);
      while (!reader.getBuffer().toString().equals("select") && Instant.now().isBefore(deadline)) {
        Thread.sleep(20);
      }

      chat.post(
          new Conversation(Platform.CONSOLE, "local", "console", null),
          ChatMessage.text("📨 Edit K7Q2MX4A is ready"));
      keys.write(" C4\n".getBytes(StandardCharsets.UTF_8));
      keys.flush();

      assertThat(line.get(20, TimeUnit.SECONDS)).isEqualTo("select C4");
      terminal.flush();
      String text = screen.toString(StandardCharsets.UTF_8);
      assertThat(text).doesNotContain("you> bot>").doesNotContain("selectbot>");
      int message = text.indexOf("bot> 📨 Edit K7Q2MX4A is ready");
      assertThat(message).isPositive();
      assertThat(text.substring(message)).contains("\nyou> select");
    }
  }
}
