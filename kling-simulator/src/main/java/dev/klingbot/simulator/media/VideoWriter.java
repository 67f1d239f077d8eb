package dev.klingbot.simulator.media;

import static java.util.Objects.requireNonNull;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Encodes {@link BufferedImage#TYPE_3BYTE_BGR} frames into a video file (no audio), YUV 4:2:0.
 * H.264 needs even dimensions: an odd width or height is rounded down and frames are scaled.
 */
public final class VideoWriter implements AutoCloseable {
  private final FFmpegFrameRecorder recorder;
  private final int width;
  private final int height;

  private VideoWriter(FFmpegFrameRecorder recorder, int width, int height) {
    this.recorder = recorder;
    this.width = width;
    this.height = height;
  }

  /** Starts writing {@code out} with frames of {@code width × height} at {@code fps}. */
  public static VideoWriter open(Path out, VideoFormat format, int width, int height, double fps)
      throws IOException {
    requireNonNull(out, "out is null");
    requireNonNull(format, "format is null");
    if (width <= 0 || height <= 0 || !(fps > 0)) {
      throw new IllegalArgumentException("bad video size or rate");
    }
    FfmpegLogging.quiet();
    boolean evenOnly = format.codecId() == avcodec.AV_CODEC_ID_H264;
    int encodedWidth = evenOnly ? Math.max(2, width & ~1) : width;
    int encodedHeight = evenOnly ? Math.max(2, height & ~1) : height;
    FFmpegFrameRecorder recorder =
        new FFmpegFrameRecorder(out.toFile(), encodedWidth, encodedHeight, 0);
    recorder.setFormat(format.muxer());
    recorder.setVideoCodec(format.codecId());
    recorder.setFrameRate(fps);
    recorder.setGopSize((int) Math.max(1, Math.round(fps)));
    recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
    recorder.setVideoBitrate(
        (int) Math.min(20_000_000L, Math.max(500_000L, (long) (width * (long) height * fps / 12))));
    if (format.codecId() == avcodec.AV_CODEC_ID_VP8) {
      recorder.setVideoOption("deadline", "realtime");
      recorder.setVideoOption("cpu-used", "8");
    }
    try {
      recorder.start();
    } catch (IOException | RuntimeException e) {
      recorder.close();
      throw new IOException("cannot start encoder for " + out.getFileName() + ": " + e, e);
    }
    return new VideoWriter(recorder, width, height);
  }

  /** Appends one frame; it must be {@code TYPE_3BYTE_BGR} of the size given to {@link #open}. */
  public void write(BufferedImage frame) throws IOException {
    requireNonNull(frame, "frame is null");
    if (frame.getType() != BufferedImage.TYPE_3BYTE_BGR
        || frame.getWidth() != width
        || frame.getHeight() != height) {
      throw new IllegalArgumentException("frame must be TYPE_3BYTE_BGR " + width + "x" + height);
    }
    byte[] data = ((DataBufferByte) frame.getRaster().getDataBuffer()).getData();
    recorder.recordImage(
        width,
        height,
        Frame.DEPTH_UBYTE,
        3,
        width * 3,
        avutil.AV_PIX_FMT_BGR24,
        ByteBuffer.wrap(data));
  }

  /** Finishes the file. */
  @Override
  public void close() throws IOException {
    try {
      recorder.stop();
    } finally {
      recorder.release();
    }
  }
}
