package dev.klingbot.core.media;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.i18n.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameFilter;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an MP4 (H.264, yuv420p) that Kling accepts, following a {@link ConformPlan}: converts the
 * frame rate and size with FFmpeg's {@code fps} and {@code scale} filters, keeps the first 5 or 10
 * seconds, or only repackages the H.264 stream when the container is the sole problem.
 *
 * <p>Frames are streamed one at a time; the whole video is never held in memory. The sound track is
 * dropped: Kling edits the pictures and its documentation says nothing about the source sound, and
 * leaving it out avoids audio codec and sync problems. The output is written to a temporary file
 * beside the target and moved into place when it is complete, so the target is never half written.
 */
public final class VideoConformer {
  private static final Logger log = LoggerFactory.getLogger(VideoConformer.class);

  private final VideoProbe probe;
  private final VideoRules rules;

  /** A conformer that checks its output against Kling's rules (no file size limit). */
  public VideoConformer() {
    this(new VideoProbe(), new VideoRules());
  }

  public VideoConformer(VideoProbe probe, VideoRules rules) {
    Ffmpeg.init();
    this.probe = requireNonNull(probe, "probe is null");
    this.rules = requireNonNull(rules, "rules is null");
  }

  /**
   * Follows {@code plan} and writes the result to {@code out}.
   *
   * @return the probed output
   * @throws MediaException when the input cannot be read or converted, or the result would still
   *     break Kling's rules
   */
  public VideoInfo conform(Path in, Path out, ConformPlan plan) {
    requireNonNull(in, "in is null");
    requireNonNull(out, "out is null");
    requireNonNull(plan, "plan is null");
    VideoInfo source = probe.probe(in);
    Path temp = AtomicFiles.tempFileFor(out);
    try {
      if (plan.reencode()) {
        reencode(in, source, temp, plan);
      } else if (source.isH264()) {
        remux(in, temp);
      } else {
        throw new MediaException(
            MediaProblem.CONVERSION_FAILED,
            Messages.text("media.conform.needs.reencode", source.codecLabel()));
      }
      VideoInfo result = probe.probe(temp);
      VideoCheck check = rules.check(result);
      if (!check.ok()) {
        log.warn("conformed {} still breaks the rules: {}", in, check.problems());
        throw new MediaException(
            MediaProblem.CONVERSION_FAILED,
            Messages.text("media.conform.still.breaks", check.problems().get(0).message()));
      }
      AtomicFiles.moveIntoPlace(temp, out);
      return result;
    } finally {
      AtomicFiles.deleteQuietly(temp);
    }
  }

  /**
   * Checks {@code in} against the rules and writes an MP4 that meets them to {@code out}: a valid
   * MP4 is copied as it is, a valid MOV is repackaged as MP4, anything fixable is converted.
   *
   * @throws MediaException of kind {@link MediaProblem#CANNOT_FIX} listing what the user must
   *     change when a problem cannot be fixed by the bot
   */
  public ConformResult conformIfNeeded(Path in, Path out) {
    requireNonNull(in, "in is null");
    requireNonNull(out, "out is null");
    VideoInfo source = probe.probe(in);
    VideoCheck check = rules.check(source);
    if (check.ok() && source.container().equals("mp4")) {
      copy(in, out);
      return new ConformResult(source, probe.probe(out), List.of(), true);
    }
    if (check.ok()) {
      List<String> changes =
          List.of(Messages.text("media.change.container", source.containerLabel()));
      VideoInfo after = conform(in, out, ConformPlan.remuxToMp4(changes));
      return new ConformResult(source, after, changes, false);
    }
    if (!check.fixable()) {
      throw new MediaException(MediaProblem.CANNOT_FIX, cannotFixMessage(check));
    }
    VideoInfo after = conform(in, out, check.plan());
    return new ConformResult(source, after, check.plan().changes(), false);
  }

  /** The problems the bot cannot fix, with what the user can do, in one message. */
  static String cannotFixMessage(VideoCheck check) {
    return check.problems().stream()
        .filter(problem -> !problem.fixable())
        .map(problem -> Messages.text("media.two.sentences", problem.message(), problem.fix()))
        .reduce((first, next) -> Messages.text("media.two.sentences", first, next))
        .orElse("");
  }

  private void reencode(Path in, VideoInfo source, Path temp, ConformPlan plan) {
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(in.toFile())) {
      grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
      grabber.start();
      int inWidth = grabber.getImageWidth();
      int inHeight = grabber.getImageHeight();
      double inFps = source.fps() > 0 ? source.fps() : 30;
      double outFps = plan.targetFps() != null ? plan.targetFps() : inFps;
      if (VideoRules.isAllowedFrameRate(outFps)) {
        outFps = Math.round(outFps);
      }
      boolean quarterTurn = plan.rotation() == 90 || plan.rotation() == 270;
      int uprightWidth = quarterTurn ? inHeight : inWidth;
      int uprightHeight = quarterTurn ? inWidth : inHeight;
      int outWidth = plan.scales() ? plan.targetWidth() : uprightWidth / 2 * 2;
      int outHeight = plan.scales() ? plan.targetHeight() : uprightHeight / 2 * 2;
      long lengthMillis = source.durationMillis();
      if (plan.trimToMillis() != null) {
        lengthMillis =
            lengthMillis > 0 ? Math.min(lengthMillis, plan.trimToMillis()) : plan.trimToMillis();
      }
      long frames =
          lengthMillis > 0
              ? (long) Math.floor(lengthMillis * outFps / 1000.0 + 1e-6)
              : Long.MAX_VALUE;
      String filters =
          filters(inFps, outFps, plan.rotation(), uprightWidth, uprightHeight, outWidth, outHeight);
      log.debug("conforming {}: {} -> {} frames, filters {}", in, source, frames, filters);
      try (FFmpegFrameFilter filter = new FFmpegFrameFilter(filters, inWidth, inHeight);
          FFmpegFrameRecorder recorder =
              new FFmpegFrameRecorder(temp.toFile(), outWidth, outHeight, 0)) {
        filter.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        filter.setFrameRate(inFps);
        filter.start();
        configureH264(recorder, outFps, outWidth, outHeight);
        recorder.start();
        long written = encode(grabber, filter, recorder, frames);
        if (written == 0) {
          throw new MediaException(
              MediaProblem.NOT_A_VIDEO, Messages.text("media.conform.no.pictures"));
        }
        recorder.stop();
      }
    } catch (FrameGrabber.Exception | FrameFilter.Exception | FrameRecorder.Exception e) {
      throw new MediaException(
          MediaProblem.CONVERSION_FAILED, Messages.text("media.conform.failed"), e);
    }
  }

  /** Streams frames through the filter into the encoder; returns how many were written. */
  private static long encode(
      FFmpegFrameGrabber grabber,
      FFmpegFrameFilter filter,
      FFmpegFrameRecorder recorder,
      long frames)
      throws FrameGrabber.Exception, FrameFilter.Exception, FrameRecorder.Exception {
    LastFrame last = new LastFrame();
    long written = 0;
    Frame frame;
    boolean ended = false;
    while (written < frames && !ended) {
      frame = grabber.grabImage();
      if (frame == null) {
        filter.push(null); // end of input: the fps filter emits what it still holds
        ended = true;
      } else {
        filter.push(frame, avutil.AV_PIX_FMT_BGR24);
      }
      Frame filtered;
      while (written < frames && (filtered = filter.pull()) != null) {
        recorder.record(filtered, filter.getPixelFormat());
        last.keep(filtered);
        written++;
      }
    }
    // a stream that ends a few frames early (rounding, a sound track that ran longer) is padded
    // with its last picture so that the length stays on the intended second
    long shortBy = frames == Long.MAX_VALUE ? 0 : frames - written;
    if (shortBy > 0 && shortBy <= Math.max(2, recorder.getFrameRate() / 2) && last.get() != null) {
      for (long i = 0; i < shortBy; i++) {
        recorder.record(last.get(), filter.getPixelFormat());
        written++;
      }
    }
    return written;
  }

  static void configureH264(FFmpegFrameRecorder recorder, double fps, int width, int height) {
    recorder.setFormat("mp4");
    recorder.setVideoCodecName("libopenh264");
    recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
    recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
    recorder.setFrameRate(fps);
    recorder.setGopSize((int) Math.max(1, Math.round(fps * 2)));
    // about 0.1 bit per pixel: 2.8 Mbit/s for 720p at 30 fps, capped at 16 Mbit/s
    long bitrate = Math.round(width * (double) height * fps * 0.1);
    recorder.setVideoBitrate((int) Math.max(1_000_000, Math.min(16_000_000, bitrate)));
    recorder.setOption("movflags", "+faststart");
  }

  /**
   * The FFmpeg filter chain, e.g. {@code transpose=clock,fps=30,scale=1280:720:flags=bicubic}, or
   * {@code null}. The sizes are those of the upright picture.
   */
  static String filters(
      double inFps,
      double outFps,
      int rotation,
      int inWidth,
      int inHeight,
      int outWidth,
      int outHeight) {
    List<String> parts = new ArrayList<>();
    switch (rotation) {
      case 90 -> parts.add("transpose=clock");
      case 180 -> parts.add("hflip,vflip");
      case 270 -> parts.add("transpose=cclock");
      default -> {}
    }
    if (Math.abs(inFps - outFps) > 1e-6) {
      parts.add("fps=" + MediaText.fps(outFps));
    }
    if (inWidth != outWidth || inHeight != outHeight) {
      parts.add(String.format(Locale.ROOT, "scale=%d:%d:flags=bicubic", outWidth, outHeight));
    }
    return parts.isEmpty() ? "null" : String.join(",", parts);
  }

  private void remux(Path in, Path temp) {
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(in.toFile())) {
      grabber.start();
      AVFormatContext context = grabber.getFormatContext();
      int videoStream = -1;
      for (int i = 0; i < context.nb_streams() && videoStream < 0; i++) {
        if (context.streams(i).codecpar().codec_type() == avutil.AVMEDIA_TYPE_VIDEO) {
          videoStream = i;
        }
      }
      try (FFmpegFrameRecorder recorder =
          new FFmpegFrameRecorder(
              temp.toFile(), grabber.getImageWidth(), grabber.getImageHeight(), 0)) {
        recorder.setFormat("mp4");
        recorder.setVideoCodec(grabber.getVideoCodec());
        recorder.setFrameRate(grabber.getVideoFrameRate());
        recorder.setOption("movflags", "+faststart");
        recorder.start(context);
        AVPacket packet;
        while ((packet = grabber.grabPacket()) != null) {
          if (packet.stream_index() == videoStream) {
            recorder.recordPacket(packet);
          }
        }
        recorder.stop();
      }
    } catch (FrameGrabber.Exception | FrameRecorder.Exception e) {
      throw new MediaException(
          MediaProblem.CONVERSION_FAILED, Messages.text("media.conform.remux.failed"), e);
    }
  }

  private static void copy(Path in, Path out) {
    Path temp = AtomicFiles.tempFileFor(out);
    try {
      Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
      AtomicFiles.moveIntoPlace(temp, out);
    } catch (IOException e) {
      throw new MediaException(
          MediaProblem.IO_ERROR, Messages.text("media.conform.copy.failed"), e);
    } finally {
      AtomicFiles.deleteQuietly(temp);
    }
  }
}
