package dev.klingbot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class UnknownOptionCliTest {
  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = KlingbotCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void aMistypedFlagIsNamedWithTheRightOneInOneLine() {
    Run run = run("edit", "--vidoe", "clip.mp4", "--instruction", "remove the man");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().lines().count()).isEqualTo(1);
    assertThat(run.err())
        .contains("unknown option --vidoe")
        .contains("did you mean --video?")
        .doesNotContain("Missing required option")
        .doesNotContain("Usage:");
  }

  @Test
  void aMistypedFlagWithAValueAfterAnEqualsSignIsNamedToo() {
    Run run = run("frame", "clip.mp4", "--grdi=out.png");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().strip())
        .contains("unknown option --grdi")
        .contains("did you mean --grid?");
    assertThat(run.err().lines().count()).isEqualTo(1);
  }

  @Test
  void aFlagFarFromEveryRealOneIsUnknownWithoutAGuess() {
    Run run = run("conform", "--zzzzzzzzzz", "in.mp4", "out.mp4");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("unknown option --zzzzzzzzzz").doesNotContain("did you mean");
    assertThat(run.err().lines().count()).isEqualTo(1);
  }

  @Test
  void aMistypedCommandSuggestsTheCommand() {
    Run run = run("conosle");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("unknown command conosle").contains("did you mean console?");
    assertThat(run.err().lines().count()).isEqualTo(1);
  }

  @Test
  void aMissingRequiredOptionStillSaysSoInOneLine() {
    Run run = run("edit", "--instruction", "remove the man");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required option").contains("--video");
    assertThat(run.err().lines().count()).isEqualTo(1);
  }
}
