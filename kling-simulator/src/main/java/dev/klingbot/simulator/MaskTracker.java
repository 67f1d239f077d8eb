package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.minMaxLoc;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.TM_SQDIFF;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.matchTemplate;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.klingbot.simulator.mask.BinaryMask;
import dev.klingbot.simulator.media.FrameReader;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Follows each marked element through the video: the element as marked (its pixels under the mask,
 * in grey at a reduced size) is searched frame by frame with OpenCV's masked template matching
 * ({@code matchTemplate}, squared differences) in a window around where it was on the frame before,
 * forwards to the next marked frame and backwards to the previous one. Each frame's mask is then
 * the nearest marked frame's mask moved to where the element was found.
 *
 * <p>Only translation is followed (no scaling, rotation or deformation): enough for a simulator to
 * show what tracking does.
 */
final class MaskTracker {
  /** Tracking runs on frames scaled down to at most this width. */
  private static final int TRACKING_WIDTH = 480;

  private MaskTracker() {}

  /** Where the marked element is on every frame. */
  static final class Track {
    private final SortedMap<Integer, BinaryMask> marked;
    private final int[] source;
    private final int[] dx;
    private final int[] dy;
    private int cachedIndex = -1;
    private BinaryMask cached;

    private Track(SortedMap<Integer, BinaryMask> marked, int[] source, int[] dx, int[] dy) {
      this.marked = marked;
      this.source = source;
      this.dx = dx;
      this.dy = dy;
    }

    /** The number of frames tracked. */
    int frames() {
      return source.length;
    }

    /** The marked frame whose mask frame {@code index} follows. */
    int sourceFrame(int index) {
      return source[clamp(index)];
    }

    /** The element's mask on frame {@code index} (the last frame's beyond the end). */
    synchronized BinaryMask mask(int index) {
      int at = clamp(index);
      if (at != cachedIndex) {
        cached = marked.get(source[at]).shifted(dx[at], dy[at]);
        cachedIndex = at;
      }
      return cached;
    }

    /** How far the element on frame {@code index} moved from its marked frame, in pixels. */
    int[] offset(int index) {
      int at = clamp(index);
      return new int[] {dx[at], dy[at]};
    }

    private int clamp(int index) {
      return Math.max(0, Math.min(source.length - 1, index));
    }
  }

  /** Tracks the marked masks through {@code video}; {@code marked} must not be empty. */
  static Track track(Path video, SortedMap<Integer, BinaryMask> marked) throws IOException {
    requireNonNull(video, "video is null");
    if (marked.isEmpty()) {
      throw new IllegalArgumentException("no marked frame");
    }
    SortedMap<Integer, BinaryMask> masks = new TreeMap<>(marked);
    BinaryMask first = masks.get(masks.firstKey());
    double scale = Math.min(1.0, TRACKING_WIDTH / (double) first.width());
    List<Mat> frames = decode(video, scale);
    try {
      int count = Math.max(1, frames.size());
      int[] source = new int[count];
      int[] dx = new int[count];
      int[] dy = new int[count];
      for (int i = 0; i < count; i++) {
        source[i] = SelectionMasks.nearestFrame(masks, i).orElseThrow();
      }
      for (Map.Entry<Integer, BinaryMask> entry : masks.entrySet()) {
        int start = Math.min(entry.getKey(), count - 1);
        if (frames.isEmpty() || entry.getValue().isEmpty()) {
          continue;
        }
        try (Template template = Template.of(frames.get(start), entry.getValue(), scale)) {
          follow(frames, template, start, +1, source, entry.getKey(), dx, dy, scale);
          follow(frames, template, start, -1, source, entry.getKey(), dx, dy, scale);
        }
      }
      return new Track(masks, source, dx, dy);
    } finally {
      frames.forEach(Mat::close);
    }
  }

  /**
   * Tracks from {@code start} in {@code step} direction over the frames that follow {@code key}.
   */
  private static void follow(
      List<Mat> frames,
      Template template,
      int start,
      int step,
      int[] source,
      int key,
      int[] dx,
      int[] dy,
      double scale) {
    int x = template.x;
    int y = template.y;
    for (int i = start + step; i >= 0 && i < frames.size() && source[i] == key; i += step) {
      int[] found = template.find(frames.get(i), x, y);
      x = found[0];
      y = found[1];
      dx[i] = (int) Math.round((x - template.x) / scale);
      dy[i] = (int) Math.round((y - template.y) / scale);
    }
  }

  /** The marked element: grey pixels and mask of its bounding box at tracking scale. */
  private static final class Template implements AutoCloseable {
    private final Mat pixels;
    private final Mat mask;
    private final int x;
    private final int y;
    private final int reach;

    private Template(Mat pixels, Mat mask, int x, int y, int reach) {
      this.pixels = pixels;
      this.mask = mask;
      this.x = x;
      this.y = y;
      this.reach = reach;
    }

    static Template of(Mat frame, BinaryMask full, double scale) {
      int[] box = full.bounds();
      int x0 = Math.min(frame.cols() - 1, (int) Math.floor(box[0] * scale));
      int y0 = Math.min(frame.rows() - 1, (int) Math.floor(box[1] * scale));
      int x1 = Math.min(frame.cols() - 1, Math.max(x0, (int) Math.floor(box[2] * scale)));
      int y1 = Math.min(frame.rows() - 1, Math.max(y0, (int) Math.floor(box[3] * scale)));
      int width = x1 - x0 + 1;
      int height = y1 - y0 + 1;
      byte[] bits = new byte[width * height];
      for (int ty = 0; ty < height; ty++) {
        int fy = Math.min(full.height() - 1, (int) ((y0 + ty + 0.5) / scale));
        for (int tx = 0; tx < width; tx++) {
          int fx = Math.min(full.width() - 1, (int) ((x0 + tx + 0.5) / scale));
          bits[ty * width + tx] = full.get(fx, fy) ? (byte) 255 : 0;
        }
      }
      Mat mask = new Mat(height, width, CV_8UC1);
      mask.data().put(bits);
      Mat pixels;
      try (Rect rect = new Rect(x0, y0, width, height);
          Mat roi = new Mat(frame, rect)) {
        pixels = roi.clone();
      }
      // how far the element may move between two frames, searched on each side of where it was:
      // half its size, and at least a thirtieth of the frame
      int reach = Math.max(Math.max(width, height) / 2, Math.max(8, frame.cols() / 30));
      return new Template(pixels, mask, x0, y0, reach);
    }

    /** The template's top-left corner on {@code frame}, searched around {@code (x, y)}. */
    int[] find(Mat frame, int x, int y) {
      int left = Math.max(0, x - reach);
      int top = Math.max(0, y - reach);
      int right = Math.min(frame.cols(), x + pixels.cols() + reach);
      int bottom = Math.min(frame.rows(), y + pixels.rows() + reach);
      if (right - left < pixels.cols() || bottom - top < pixels.rows()) {
        return new int[] {x, y};
      }
      try (Rect rect = new Rect(left, top, right - left, bottom - top);
          Mat window = new Mat(frame, rect);
          Mat scores = new Mat();
          DoublePointer min = new DoublePointer(1);
          DoublePointer max = new DoublePointer(1);
          Point best = new Point();
          Point worst = new Point()) {
        matchTemplate(window, pixels, scores, TM_SQDIFF, mask);
        minMaxLoc(scores, min, max, best, worst, null);
        return new int[] {left + best.x(), top + best.y()};
      }
    }

    @Override
    public void close() {
      pixels.close();
      mask.close();
    }
  }

  /** Every frame of {@code video} in grey, scaled by {@code scale}. */
  private static List<Mat> decode(Path video, double scale) throws IOException {
    List<Mat> frames = new ArrayList<>();
    try (FrameReader reader = FrameReader.open(video)) {
      BufferedImage image;
      Mat colour = null;
      Mat grey = new Mat();
      try {
        while ((image = reader.next()) != null) {
          if (colour == null) {
            colour = new Mat(image.getHeight(), image.getWidth(), CV_8UC3);
          }
          colour.data().put(((DataBufferByte) image.getRaster().getDataBuffer()).getData());
          cvtColor(colour, grey, COLOR_BGR2GRAY);
          Mat small = new Mat();
          try (Size size =
              new Size(
                  Math.max(1, (int) Math.round(image.getWidth() * scale)),
                  Math.max(1, (int) Math.round(image.getHeight() * scale)))) {
            resize(grey, small, size, 0, 0, INTER_AREA);
          }
          frames.add(small);
        }
      } catch (IOException | RuntimeException e) {
        frames.forEach(Mat::close);
        throw e;
      } finally {
        grey.close();
        if (colour != null) {
          colour.close();
        }
      }
    }
    return frames;
  }
}
