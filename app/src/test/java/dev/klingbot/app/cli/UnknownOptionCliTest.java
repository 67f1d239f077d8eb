package dev.klingbot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnknownOptionCliTest {
  @Test
  void aMistypedFlagIsNamedWithTheRightOneInOneLine() {
    CommandRun run =
        CommandRun.klingbot("edit", "--vidoe", "clip.mp4", "--instruction", "remove the man");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines().count()).isEqualTo(1);
    assertThat(run.err())
        .contains("unknown option --vidoe")
        .contains("did you mean --video?")
        .doesNotContain("Missing required option")
        .doesNotContain("Usage:");
  }

  @Test
  void aMistypedFlagWithAValueAfterAnEqualsSignIsNamedToo() {
    CommandRun run = CommandRun.klingbot("frame", "clip.mp4", "--grdi=out.png");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .contains("unknown option --grdi")
        .contains("did you mean --grid?");
    assertThat(run.err().lines().count()).isEqualTo(1);
  }

  @Test
  void aFlagFarFromEveryRealOneIsUnknownWithoutAGuess() {
    CommandRun run = CommandRun.klingbot("conform", "--zzzzzzzzzz", "in.mp4", "out.mp4");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown option --zzzzzzzzzz").doesNotContain("did you mean");
    assertThat(run.err().lines().count()).isEqualTo(1);
  }

  @Test
  void aMistypedCommandSuggestsTheCommand() {
    CommandRun run = CommandRun.klingbot("conosle");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown command conosle").contains("did you mean console?");
    assertThat(run.err().lines().count()).isEqualTo(1);
  }

  @Test
  void aMissingRequiredOptionStillSaysSoInOneLine() {
    CommandRun run = CommandRun.klingbot("edit", "--instruction", "remove the man");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required option").contains("--video");
    assertThat(run.err().lines().count()).isEqualTo(1);
  }
}
