package dev.klingbot.core.media;

import static java.util.Objects.requireNonNull;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Finds the moment where an edited video differs most from its source: both are decoded side by
 * side, scaled down by FFmpeg to the same small size, and at evenly spaced moments of the time they
 * share the mean absolute difference of their (slightly blurred, grey) pictures is measured with
 * OpenCV. The moment with the largest difference is where the edit shows best.
 */
public final class ChangeFinder {
  /** How many moments are compared (evenly spread over the shared time). */
  static final int SAMPLES = 40;

  /** The width both videos are compared at; enough to see an element, small enough to be fast. */
  static final int ANALYSIS_WIDTH = 160;

  private final VideoProbe probe;

  public ChangeFinder() {
    this(new VideoProbe());
  }

  public ChangeFinder(VideoProbe probe) {
    Ffmpeg.init();
    this.probe = requireNonNull(probe, "probe is null");
  }

  /**
   * One compared moment.
   *
   * @param millis time from the start of both videos
   * @param difference mean absolute difference of the grey pictures, 0 (same) to 255
   */
  public record Sample(long millis, double difference) {}

  /**
   * Where the two videos differ most.
   *
   * @param millis the moment of the greatest difference
   * @param difference the difference there (0–255)
   * @param sharedMillis how long both videos run (the shorter length)
   * @param samples every compared moment, in time order
   */
  public record Change(long millis, double difference, long sharedMillis, List<Sample> samples) {
    public Change {
      samples = List.copyOf(samples);
    }
  }

  /**
   * Compares {@code before} (the source) with {@code after} (the result) over the time both run.
   *
   * @throws MediaException when either cannot be read as a video
   */
  public Change find(Path before, Path after) {
    requireNonNull(before, "before is null");
    requireNonNull(after, "after is null");
    VideoInfo beforeInfo = probe.probe(before);
    VideoInfo afterInfo = probe.probe(after);
    long shared = Math.min(beforeInfo.durationMillis(), afterInfo.durationMillis());
    if (shared <= 0) {
      shared = Math.max(beforeInfo.durationMillis(), afterInfo.durationMillis());
    }
    if (shared <= 0) {
      throw new MediaException(
          MediaProblem.NOT_A_VIDEO, "The length of the videos to compare is not known.");
    }
    int width = ANALYSIS_WIDTH;
    int height =
        Math.max(2, (int) Math.round(width * (double) afterInfo.height() / afterInfo.width()));
    List<Sample> samples = new ArrayList<>();
    try (FFmpegFrameGrabber first = Ffmpeg.bgrGrabber(before, width, height);
        FFmpegFrameGrabber second = Ffmpeg.bgrGrabber(after, width, height);
        OpenCVFrameConverter.ToMat firstConverter = new OpenCVFrameConverter.ToMat();
        OpenCVFrameConverter.ToMat secondConverter = new OpenCVFrameConverter.ToMat();
        Mat firstGrey = new Mat();
        Mat secondGrey = new Mat();
        Mat difference = new Mat();
        Size blur = new Size(3, 3)) {
      first.start();
      second.start();
      Cursor firstCursor = new Cursor(first);
      Cursor secondCursor = new Cursor(second);
      for (int i = 0; i < SAMPLES; i++) {
        long millis = Math.round((i + 0.5) * shared / SAMPLES);
        Frame firstFrame = firstCursor.at(millis);
        Frame secondFrame = secondCursor.at(millis);
        if (firstFrame == null || secondFrame == null) {
          break;
        }
        grey(firstConverter.convert(firstFrame), firstGrey, blur);
        grey(secondConverter.convert(secondFrame), secondGrey, blur);
        absdiff(firstGrey, secondGrey, difference);
        try (Scalar average = mean(difference)) {
          samples.add(new Sample(millis, average.get(0)));
        }
      }
    } catch (FrameGrabber.Exception e) {
      throw new MediaException(MediaProblem.NOT_A_VIDEO, VideoProbe.NOT_A_VIDEO, e);
    }
    if (samples.isEmpty()) {
      throw new MediaException(
          MediaProblem.NOT_A_VIDEO, "No pictures could be read from the videos to compare.");
    }
    Sample most = samples.stream().max(Comparator.comparingDouble(Sample::difference)).get();
    return new Change(most.millis(), most.difference(), shared, samples);
  }

  private static void grey(Mat colour, Mat grey, Size blur) {
    cvtColor(colour, grey, COLOR_BGR2GRAY);
    // a light blur, so that compression noise does not count as change
    GaussianBlur(grey, grey, blur, 0);
  }

  /** Decodes a video forward and answers the frame that shows a given moment. */
  static final class Cursor {
    private final FFmpegFrameGrabber grabber;
    private final long halfFrameMicros;
    private Frame frame;
    private long origin = Long.MIN_VALUE;
    private boolean ended;

    Cursor(FFmpegFrameGrabber grabber) {
      this.grabber = grabber;
      double fps = grabber.getFrameRate() > 0 ? grabber.getFrameRate() : 30;
      this.halfFrameMicros = Math.round(500_000.0 / fps);
    }

    /**
     * The frame on screen at {@code millis} from the start; {@code null} once the video has ended
     * before it. Times must not go backwards; the frame is valid until the next call.
     */
    Frame at(long millis) throws FrameGrabber.Exception {
      if (frame == null && !ended) {
        frame = grabber.grabImage();
        if (frame == null) {
          ended = true;
          return null;
        }
        origin = frame.timestamp;
      }
      long target = origin + millis * 1000;
      while (!ended && frame.timestamp + halfFrameMicros < target) {
        Frame next = grabber.grabImage();
        if (next == null) {
          ended = true;
          return null;
        }
        frame = next;
      }
      return ended ? null : frame;
    }

    /**
     * Moves to {@code millis} from the start by seeking when it is further than decoding forward is
     * worth ({@link FrameExtractor#SEQUENTIAL_FRAMES_SECONDS}), so that a stretch late in a large
     * video does not cost decoding everything before it.
     */
    void skipTo(long millis) throws FrameGrabber.Exception {
      if (at(0) == null || millis <= FrameExtractor.SEQUENTIAL_FRAMES_SECONDS * 1000) {
        return;
      }
      long target = origin + millis * 1000;
      if (frame.timestamp + halfFrameMicros >= target) {
        return;
      }
      // FFmpeg seeks to the key frame before and decodes up to the time asked for
      grabber.setVideoTimestamp(target - halfFrameMicros);
      Frame next = grabber.grabImage();
      if (next == null) {
        ended = true;
      } else {
        frame = next;
      }
    }
  }
}
