package dev.klingbot.simulator.media;

import org.bytedeco.ffmpeg.global.avcodec;

/**
 * Container and codec pairs the bundled (LGPL) FFmpeg build can write. H.264 is encoded by
 * OpenH264; the others exist to produce videos that Kling would reject.
 */
public enum VideoFormat {
  /** MP4 with H.264 video: what Kling accepts and returns. */
  MP4_H264("mp4", avcodec.AV_CODEC_ID_H264, "mp4"),
  /** QuickTime MOV with H.264 video: also accepted by Kling. */
  MOV_H264("mov", avcodec.AV_CODEC_ID_H264, "mov"),
  /** MP4 with MPEG-4 Part 2 video: an accepted container with an older codec. */
  MP4_MPEG4("mp4", avcodec.AV_CODEC_ID_MPEG4, "mp4"),
  /** Matroska with MPEG-4 Part 2 video: a container Kling rejects. */
  MKV_MPEG4("matroska", avcodec.AV_CODEC_ID_MPEG4, "mkv"),
  /** WebM with VP8 video: a container Kling rejects. */
  WEBM_VP8("webm", avcodec.AV_CODEC_ID_VP8, "webm");

  private final String muxer;
  private final int codecId;
  private final String extension;

  VideoFormat(String muxer, int codecId, String extension) {
    this.muxer = muxer;
    this.codecId = codecId;
    this.extension = extension;
  }

  /** FFmpeg's muxer name. */
  public String muxer() {
    return muxer;
  }

  /** FFmpeg's {@code AV_CODEC_ID_*} of the video codec. */
  public int codecId() {
    return codecId;
  }

  /** The usual file extension, without a dot. */
  public String extension() {
    return extension;
  }
}
