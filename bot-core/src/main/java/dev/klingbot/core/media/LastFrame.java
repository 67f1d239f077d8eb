package dev.klingbot.core.media;

import java.nio.ByteBuffer;
import org.bytedeco.javacv.Frame;

/**
 * A copy of the most recent picture, kept in one reusable buffer: FFmpeg reuses its own buffers,
 * and the conformer may need to repeat the last picture after the input has ended.
 */
final class LastFrame {
  private Frame copy;

  /** Copies {@code frame}'s picture (packed, one plane) into the reusable buffer. */
  void keep(Frame frame) {
    if (frame == null || frame.image == null || !(frame.image[0] instanceof ByteBuffer source)) {
      return;
    }
    int bytes = frame.imageHeight * Math.abs(frame.imageStride);
    if (copy == null
        || copy.imageWidth != frame.imageWidth
        || copy.imageHeight != frame.imageHeight
        || copy.imageStride != frame.imageStride
        || copy.imageChannels != frame.imageChannels
        || copy.imageDepth != frame.imageDepth) {
      copy =
          new Frame(
              frame.imageWidth,
              frame.imageHeight,
              frame.imageDepth,
              frame.imageChannels,
              frame.imageStride);
    }
    ByteBuffer from = source.duplicate();
    from.position(0).limit(Math.min(bytes, from.capacity()));
    ByteBuffer to = (ByteBuffer) copy.image[0];
    to.clear();
    to.put(from);
    to.flip();
  }

  /** The kept picture, or null when none was kept. */
  Frame get() {
    return copy;
  }
}
