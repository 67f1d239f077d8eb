package dev.klingbot.core.media;

import dev.klingbot.core.testing.TestRecorders;
import java.awt.Color;
import java.awt.Graphics2D;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameRecorder;

/**
 * A source clip and "edited" versions of it where the change is known: a yellow square moves over a
 * dark blue background; an edit draws over some frames (removes the square, adds a red disc).
 */
final class EditedClips {
  static final Color BACKGROUND = new Color(30, 40, 60);
  static final Color SQUARE = new Color(250, 200, 40);

  /** What an edit does to frame {@code index} (drawn after the background and the square). */
  interface Edit {
    void draw(Graphics2D graphics, int index, int width, int height);
  }

  /** No change: the source itself. */
  static final Edit NONE = (graphics, index, width, height) -> {};

  private EditedClips() {}

  /** The square's left edge in frame {@code index}. */
  static int squareX(int index, int width) {
    return (index * width / 100) % Math.max(1, width - side(width));
  }

  static int side(int width) {
    return Math.max(16, width / 8);
  }

  /** The square is gone from frame {@code fromFrame} on (painted over with the background). */
  static Edit squareRemovedFrom(int fromFrame) {
    return (graphics, index, width, height) -> {
      if (index >= fromFrame) {
        graphics.setColor(BACKGROUND);
        graphics.fillRect(
            squareX(index, width), (height - side(width)) / 2, side(width), side(width));
      }
    };
  }

  /**
   * A red disc at the top left that grows from nothing at {@code startFrame} to its largest at
   * {@code peakFrame} and shrinks to nothing at {@code endFrame}.
   */
  static Edit discPeakingAt(int startFrame, int peakFrame, int endFrame) {
    return (graphics, index, width, height) -> {
      double share;
      if (index <= startFrame || index >= endFrame) {
        return;
      } else if (index <= peakFrame) {
        share = (index - startFrame) / (double) (peakFrame - startFrame);
      } else {
        share = (endFrame - index) / (double) (endFrame - peakFrame);
      }
      int diameter = (int) Math.round(share * height * 0.45);
      graphics.setColor(new Color(220, 30, 30));
      graphics.fillOval(width / 20, height / 20, diameter, diameter);
    };
  }

  /** A source clip and its result, as written by {@link #pair}. */
  record Pair(Path source, Path result) {}

  /**
   * Writes {@code source.mp4} (unedited) and {@code result.mp4} (with {@code edit}) into {@code
   * dir}: 640×360 at 30 fps, {@code frames} frames each.
   */
  static Pair pair(Path dir, int frames, Edit edit) {
    return new Pair(
        write(dir.resolve("source.mp4"), 640, 360, 30, frames, NONE),
        write(dir.resolve("result.mp4"), 640, 360, 30, frames, edit));
  }

  /** Writes an H.264 MP4 of {@code frames} frames with the moving square and {@code edit}. */
  static Path write(Path file, int width, int height, double fps, int frames, Edit edit) {
    Ffmpeg.init();
    try (FFmpegFrameRecorder recorder = TestRecorders.h264Mp4(file, width, height, fps, 0)) {
      recorder.setVideoBitrate(Math.max(500_000, width * height * 2));
      TestRecorders.record(
          recorder,
          frames,
          (graphics, i) -> {
            graphics.setColor(BACKGROUND);
            graphics.fillRect(0, 0, width, height);
            graphics.setColor(SQUARE);
            graphics.fillRect(
                squareX(i, width), (height - side(width)) / 2, side(width), side(width));
            edit.draw(graphics, i, width, height);
          });
      return file;
    } catch (Exception e) {
      throw new IllegalStateException("cannot write the clip " + file, e);
    }
  }
}
