package dev.klingbot.app.cli;

import dev.klingbot.core.media.FrameExtractor;
import dev.klingbot.core.media.GridOverlay;
import dev.klingbot.core.media.MediaException;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code klingbot frame}: writes one frame of a video as PNG, with the labelled A–J × 1–10 grid
 * people use to point at things ({@code --grid}) or plain ({@code --out}).
 */
@Command(
    name = "frame",
    mixinStandardHelpOptions = true,
    description = {
      "Write one frame of a video as PNG, with the labelled grid (--grid) or plain (--out).",
      "Exit code 0: written (the path is printed); 1: no such frame or not a video."
    })
public final class FrameCommand implements Callable<Integer> {
  @Parameters(paramLabel = "VIDEO", description = "The video file.")
  Path video;

  @Option(
      names = "--index",
      paramLabel = "N",
      defaultValue = "0",
      description = "Frame number, from 0 (default: ${DEFAULT-VALUE}).")
  int index;

  @Option(
      names = "--grid",
      paramLabel = "OUT.png",
      description = "Write the frame with the labelled grid here.")
  Path grid;

  @Option(names = "--out", paramLabel = "OUT.png", description = "Write the plain frame here.")
  Path plain;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if ((grid == null) == (plain == null)) {
      throw new ParameterException(
          spec.commandLine(), "Give either --grid OUT.png or --out OUT.png (one of them).");
    }
    Path target = grid != null ? grid : plain;
    try {
      FrameExtractor extractor = new FrameExtractor();
      BufferedImage frame = extractor.frame(video, index);
      extractor.writePng(grid != null ? new GridOverlay().draw(frame) : frame, target);
    } catch (MediaException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("klingbot: " + e.getMessage());
      err.flush();
      return 1;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(target);
    out.flush();
    return 0;
  }
}
