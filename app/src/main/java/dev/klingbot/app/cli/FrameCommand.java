package dev.klingbot.app.cli;

import dev.klingbot.core.media.FrameExtractor;
import dev.klingbot.core.media.GridOverlay;
import dev.klingbot.core.media.MediaException;
import dev.klingbot.core.media.VideoProbe;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
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
      "A video with a rotation flag (a phone's portrait video) is shown upright, as conform writes it.",
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
      int rotation = new VideoProbe().probe(video).rotation();
      BufferedImage frame = upright(extractor.frame(video, index), rotation);
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

  /**
   * Turns a stored picture {@code clockwise} degrees, as players (and {@code conform}) do for a
   * video with a rotation flag, so the frame and its grid show what the user sees.
   */
  static BufferedImage upright(BufferedImage stored, int clockwise) {
    if (clockwise == 0) {
      return stored;
    }
    boolean quarter = clockwise == 90 || clockwise == 270;
    int width = quarter ? stored.getHeight() : stored.getWidth();
    int height = quarter ? stored.getWidth() : stored.getHeight();
    BufferedImage turned = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = turned.createGraphics();
    AffineTransform transform = new AffineTransform();
    transform.translate(width / 2.0, height / 2.0);
    transform.rotate(Math.toRadians(clockwise));
    transform.translate(-stored.getWidth() / 2.0, -stored.getHeight() / 2.0);
    graphics.drawImage(stored, transform, null);
    graphics.dispose();
    return turned;
  }
}
