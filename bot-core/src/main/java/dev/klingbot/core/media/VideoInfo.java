package dev.klingbot.core.media;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Set;

/**
 * What {@link VideoProbe} learned about a video file.
 *
 * @param container {@code "mp4"}, {@code "mov"}, {@code "3gp"}, or FFmpeg's demuxer name for
 *     anything else ({@code "matroska,webm"}, {@code "avi"}, {@code "gif"}, ...)
 * @param videoCodec FFmpeg's codec name: {@code "h264"}, {@code "hevc"}, {@code "vp9"}, ...; {@code
 *     "unknown"} when FFmpeg does not say
 * @param durationMillis length in milliseconds (0 when unknown)
 * @param fps frames per second (0 when unknown)
 * @param width picture width in pixels
 * @param height picture height in pixels
 * @param frameCount number of video frames (estimated from length and rate when the file does not
 *     say)
 * @param sizeBytes file size in bytes
 * @param hasAudio whether the file has a sound track
 */
public record VideoInfo(
    String container,
    String videoCodec,
    long durationMillis,
    double fps,
    int width,
    int height,
    long frameCount,
    long sizeBytes,
    boolean hasAudio,
    int rotation) {

  private static final Set<String> WEBM_CODECS = Set.of("vp8", "vp9", "av1");

  public VideoInfo {
    rotation = ((rotation % 360) + 360) % 360;
    if (rotation % 90 != 0) {
      throw new IllegalArgumentException("rotation is " + rotation + "; use 0, 90, 180 or 270");
    }
    requireNonNull(container, "container is null");
    requireNonNull(videoCodec, "videoCodec is null");
    if (durationMillis < 0 || fps < 0 || width < 0 || height < 0 || frameCount < 0) {
      throw new IllegalArgumentException(
          String.format(
              "video facts cannot be negative: %d ms, %s fps, %dx%d, %d frames",
              durationMillis, fps, width, height, frameCount));
    }
  }

  /** The width as the video is shown (phones store portrait video turned, with a flag). */
  public int displayWidth() {
    return rotation == 90 || rotation == 270 ? height : width;
  }

  /** The height as the video is shown. */
  public int displayHeight() {
    return rotation == 90 || rotation == 270 ? width : height;
  }

  /** The container as people name it: {@code MP4}, {@code MOV}, {@code WebM}, {@code MKV}, ... */
  public String containerLabel() {
    return switch (container) {
      case "mp4" -> "MP4";
      case "mov" -> "MOV";
      case "3gp" -> "3GP";
      case "matroska,webm" -> WEBM_CODECS.contains(videoCodec) ? "WebM" : "MKV";
      case "mpegts" -> "MPEG-TS";
      default -> {
        int comma = container.indexOf(',');
        yield (comma > 0 ? container.substring(0, comma) : container).toUpperCase(Locale.ROOT);
      }
    };
  }

  /** The codec as people name it: {@code H.264}, {@code HEVC}, {@code VP9}, ... */
  public String codecLabel() {
    return switch (videoCodec) {
      case "h264" -> "H.264";
      case "hevc" -> "HEVC (H.265)";
      case "mpeg4" -> "MPEG-4 Part 2";
      case "prores" -> "ProRes";
      default -> videoCodec.toUpperCase(Locale.ROOT);
    };
  }

  /** Whether the container is one Kling takes (MP4 or MOV). */
  public boolean isMp4OrMov() {
    return container.equals("mp4") || container.equals("mov");
  }

  /** Whether the video is H.264. */
  public boolean isH264() {
    return videoCodec.equals("h264");
  }

  /** One line for people: {@code MP4, H.264, 5.0 s, 30 fps, 1280×720}. */
  public String summary() {
    return containerLabel()
        + ", "
        + codecLabel()
        + ", "
        + MediaText.seconds(durationMillis)
        + ", "
        + MediaText.fps(fps)
        + " fps, "
        + MediaText.size(width, height);
  }
}
