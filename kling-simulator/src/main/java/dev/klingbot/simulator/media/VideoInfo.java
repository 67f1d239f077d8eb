package dev.klingbot.simulator.media;

import static java.util.Objects.requireNonNull;

/**
 * What a probe found in a video file.
 *
 * @param format FFmpeg's demuxer name, e.g. {@code "mov,mp4,m4a,3gp,3g2,mj2"} for MP4 and MOV
 * @param majorBrand the ISO-BMFF major brand ({@code "isom"}, {@code "qt "}, ...), or empty
 * @param codec the video codec's name, e.g. {@code "h264"}
 * @param width frame width in pixels
 * @param height frame height in pixels
 * @param fps frames per second
 * @param durationMicros duration in microseconds
 * @param frameCount number of video frames
 */
public record VideoInfo(
    String format,
    String majorBrand,
    String codec,
    int width,
    int height,
    double fps,
    long durationMicros,
    int frameCount) {
  public VideoInfo {
    requireNonNull(format, "format is null");
    requireNonNull(majorBrand, "majorBrand is null");
    requireNonNull(codec, "codec is null");
  }

  /** The duration rounded to milliseconds. */
  public long durationMillis() {
    return Math.round(durationMicros / 1000.0);
  }

  /** Whether the demuxer is FFmpeg's MP4/MOV one and the brand is not 3GPP. */
  public boolean isMp4OrMov() {
    return format.contains("mp4") && format.contains("mov") && !majorBrand.startsWith("3g");
  }
}
