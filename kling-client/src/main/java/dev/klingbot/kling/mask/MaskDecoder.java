package dev.klingbot.kling.mask;

import static java.util.Objects.requireNonNull;

import dev.klingbot.kling.RleMask;
import java.util.List;

/**
 * Decodes Kling's {@link RleMask} for a video of known size. {@code size} should be [height,
 * width], but one public example reads like [width, height], so the size is cross-checked with the
 * video's width and height (from init-selection):
 *
 * <ul>
 *   <li>[height, width] of the video: decoded as given;
 *   <li>[width, height] of the video, and width != height: taken as swapped and decoded as a {@code
 *       videoWidth} x {@code videoHeight} mask;
 *   <li>anything else: decoded as given ([height, width]); the caller scales it to the frame.
 * </ul>
 */
public final class MaskDecoder {
  private MaskDecoder() {}

  public static MaskBitmap decode(RleMask rle, int videoWidth, int videoHeight) {
    requireNonNull(rle, "rle is null");
    List<Integer> size = rle.size();
    if (size.size() != 2) {
      throw new IllegalArgumentException(
          "the RLE mask size is " + size + "; expected two numbers, [height, width]");
    }
    int first = size.get(0);
    int second = size.get(1);
    boolean swapped = videoWidth != videoHeight && first == videoWidth && second == videoHeight;
    if (swapped) {
      return CocoRle.decode(rle.counts(), videoHeight, videoWidth);
    }
    return CocoRle.decode(rle.counts(), first, second);
  }
}
