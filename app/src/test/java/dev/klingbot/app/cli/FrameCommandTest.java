package dev.klingbot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameCommandTest {
  @TempDir Path folder;

  @Test
  void writesAFrameWithTheGrid() throws Exception {
    Path grid = folder.resolve("grid.png");
    Path plain = folder.resolve("plain.png");
    String video = CliClips.valid().toString();

    CommandRun withGrid =
        CommandRun.of(new FrameCommand(), video, "--index", "30", "--grid", grid.toString());
    CommandRun without =
        CommandRun.of(new FrameCommand(), video, "--index", "30", "--out", plain.toString());

    assertThat(withGrid.exitCode()).isZero();
    assertThat(withGrid.out().strip()).isEqualTo(grid.toString());
    assertThat(without.exitCode()).isZero();
    BufferedImage gridImage = ImageIO.read(grid.toFile());
    BufferedImage plainImage = ImageIO.read(plain.toFile());
    assertThat(gridImage.getWidth()).isEqualTo(1280);
    assertThat(gridImage.getHeight()).isEqualTo(720);
    assertThat(gridImage.getRGB(64, 20)).isNotEqualTo(plainImage.getRGB(64, 20));
  }

  @Test
  void aBadIndexIsExplained() {
    CommandRun run =
        CommandRun.of(
            new FrameCommand(),
            CliClips.valid().toString(),
            "--index",
            "500",
            "--out",
            folder.resolve("x.png").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("There is no frame 500; this video has 60 frames (0–59).");
    assertThat(folder.resolve("x.png")).doesNotExist();
  }

  @Test
  void needsExactlyOneOutput() {
    CommandRun run = CommandRun.of(new FrameCommand(), CliClips.valid().toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--grid OUT.png or --out OUT.png");
  }
}
