package dev.klingbot.core.media;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Kling's rules for source videos (multi-elements {@code init-selection}): MP4 or MOV; 2–5 s or
 * 7–10 s long; width and height each 720–2160 pixels; 24, 30 or 60 fps. The bot also asks for H.264
 * video (the codec every decoder reads) and, when configured, a file size limit.
 */
public final class VideoRules {
  /** Smallest width or height Kling accepts, in pixels. */
  public static final int MIN_SIDE = 720;

  /** Largest width or height Kling accepts, in pixels. */
  public static final int MAX_SIDE = 2160;

  /** Shortest clip, in milliseconds. */
  public static final long MIN_MILLIS = 2_000;

  /** End of the short range (2–5 s). */
  public static final long SHORT_MAX_MILLIS = 5_000;

  /** Start of the long range (7–10 s). */
  public static final long LONG_MIN_MILLIS = 7_000;

  /** Longest clip, in milliseconds. */
  public static final long MAX_MILLIS = 10_000;

  /**
   * A side beyond this is not offered a conform: scaling a 16000×16000 clip down takes minutes and
   * gigabytes, for a picture the user has to export again anyway.
   */
  public static final int REFUSE_SIDE = 2 * MAX_SIDE;

  /** A frame rate beyond this is not offered a conform (a damaged or crafted file). */
  public static final double REFUSE_FPS = 240;

  /** More frames than this (an hour at 30 fps) are not offered a conform. */
  public static final long REFUSE_FRAMES = 108_000;

  /** The frame rates Kling accepts. */
  public static final List<Integer> FRAME_RATES = List.of(24, 30, 60);

  /** How far a measured frame rate may be from an allowed one (29.97 is not 30). */
  static final double FPS_TOLERANCE = 0.01;

  private final long maxBytes;

  /** Kling's rules, without a file size limit. */
  public VideoRules() {
    this(Long.MAX_VALUE);
  }

  /** Kling's rules plus a file size limit ({@code MediaConfig.maxVideoSize().bytes()}). */
  public VideoRules(long maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes is " + maxBytes + "; it must be 1 or more");
    }
    this.maxBytes = maxBytes;
  }

  /** Checks every rule and reports every problem at once, with a plan when all can be fixed. */
  public VideoCheck check(VideoInfo info) {
    requireNonNull(info, "info is null");
    List<VideoProblem> problems = new ArrayList<>();
    List<String> changes = new ArrayList<>();
    boolean reencode = false;

    if (info.sizeBytes() > maxBytes) {
      problems.add(
          new VideoProblem(
              ProblemKind.FILE_SIZE,
              "The file is "
                  + MediaText.bytes(info.sizeBytes())
                  + "; the limit is "
                  + MediaText.bytes(maxBytes)
                  + ".",
              "Trim or compress it and try again.",
              false));
    }

    if (!info.isMp4OrMov()) {
      problems.add(
          new VideoProblem(
              ProblemKind.CONTAINER,
              "The file is a " + info.containerLabel() + " video; Kling takes MP4 or MOV only.",
              info.isH264()
                  ? "The bot can repackage it as MP4 (no quality loss)."
                  : "The bot can convert it to MP4 (H.264).",
              true));
      changes.add("container " + info.containerLabel() + " → MP4");
      if (!info.isH264()) {
        changes.add("codec " + info.codecLabel() + " → H.264");
        reencode = true;
      }
    } else if (!info.isH264()) {
      problems.add(
          new VideoProblem(
              ProblemKind.CODEC,
              "The video is encoded as "
                  + info.codecLabel()
                  + "; the bot sends Kling H.264 video, which every decoder reads.",
              "The bot can re-encode it as H.264.",
              true));
      changes.add("codec " + info.codecLabel() + " → H.264");
      reencode = true;
    }

    if (info.rotation() != 0) {
      problems.add(
          new VideoProblem(
              ProblemKind.ROTATION,
              "The video is stored turned by "
                  + info.rotation()
                  + "° with a flag to show it upright (phones do this); Kling and the selection"
                  + " frames would see it turned.",
              "The bot can turn the pictures upright.",
              true));
      changes.add("turn " + info.rotation() + "° upright");
      reencode = true;
    }

    Long trimTo = checkDuration(info.durationMillis(), problems);
    if (trimTo != null) {
      changes.add(
          "length "
              + MediaText.seconds(info.durationMillis())
              + " → "
              + MediaText.wholeSeconds(trimTo));
      reencode = true;
    }

    Double fps = null;
    if (info.fps() > REFUSE_FPS || info.frameCount() > REFUSE_FRAMES) {
      problems.add(
          new VideoProblem(
              ProblemKind.FRAME_RATE,
              "The video declares "
                  + (info.fps() > REFUSE_FPS
                      ? MediaText.fps(info.fps()) + " fps"
                      : info.frameCount() + " frames")
                  + ", far beyond Kling's 24, 30 or 60 fps and 10 seconds; the bot does not"
                  + " convert such a file.",
              "Export a clip of 2–10 s at 24, 30 or 60 fps and upload it again.",
              false));
    } else if (!isAllowedFrameRate(info.fps())) {
      fps = (double) nearestFrameRate(info.fps());
      String now = info.fps() > 0 ? MediaText.fps(info.fps()) + " fps" : "unknown";
      problems.add(
          new VideoProblem(
              ProblemKind.FRAME_RATE,
              info.fps() > 0
                  ? "The video runs at " + now + "; Kling takes 24, 30 or 60 fps only."
                  : "The frame rate cannot be read; Kling takes 24, 30 or 60 fps only.",
              "The bot can convert it to " + MediaText.fps(fps) + " fps.",
              true));
      changes.add(
          "frame rate "
              + (info.fps() > 0 ? MediaText.fps(info.fps()) : "unknown")
              + " → "
              + MediaText.fps(fps)
              + " fps");
      reencode = true;
    }

    int width = info.displayWidth();
    int height = info.displayHeight();
    int[] size = checkSize(width, height, problems);

    boolean ok = problems.isEmpty();
    boolean fixable = !ok && problems.stream().allMatch(VideoProblem::fixable);
    if (!fixable) {
      return new VideoCheck(problems, ok, false, null);
    }
    if (size == null && (width % 2 != 0 || height % 2 != 0)) {
      size = new int[] {width / 2 * 2, height / 2 * 2};
      if (reencode) {
        // H.264 in 4:2:0 needs even sides; only matters when the pictures are encoded again
        changes.add(
            "size "
                + MediaText.size(width, height)
                + " → "
                + MediaText.size(size[0], size[1])
                + " (even sides for H.264)");
      } else {
        size = null;
      }
    } else if (size != null) {
      changes.add(
          "size " + MediaText.size(width, height) + " → " + MediaText.size(size[0], size[1]));
      reencode = true;
    }
    ConformPlan plan =
        new ConformPlan(
            "mp4",
            reencode,
            fps,
            size == null ? null : size[0],
            size == null ? null : size[1],
            trimTo,
            changes,
            info.rotation());
    return new VideoCheck(problems, false, true, plan);
  }

  /** Whether Kling takes this frame rate (within {@value #FPS_TOLERANCE} fps). */
  public static boolean isAllowedFrameRate(double fps) {
    return FRAME_RATES.stream().anyMatch(allowed -> Math.abs(fps - allowed) <= FPS_TOLERANCE);
  }

  /**
   * The allowed frame rate nearest to {@code fps} (ties go to the higher one): 25 → 24, 29.97 → 30,
   * 50 → 60, 15 → 24; 30 when the rate is unknown.
   */
  public static int nearestFrameRate(double fps) {
    if (!(fps > 0)) {
      return 30;
    }
    int best = FRAME_RATES.get(0);
    for (int allowed : FRAME_RATES) {
      if (Math.abs(fps - allowed) <= Math.abs(fps - best)) {
        best = allowed;
      }
    }
    return best;
  }

  /**
   * The size closest to {@code width}×{@code height} with the same shape and both sides within
   * 720–2160 (even numbers), or null when no such size exists (a shape wider than 3:1).
   */
  static int[] fitSize(int width, int height) {
    if (width <= 0 || height <= 0) {
      return null;
    }
    double low = Math.max((double) MIN_SIDE / width, (double) MIN_SIDE / height);
    double high = Math.min((double) MAX_SIDE / width, (double) MAX_SIDE / height);
    if (low > high * (1 + 1e-9)) {
      return null;
    }
    double scale = Math.max(low, Math.min(1.0, high));
    return new int[] {side(width * scale), side(height * scale)};
  }

  private static int side(double exact) {
    long even = Math.round(exact / 2) * 2;
    return (int) Math.max(MIN_SIDE, Math.min(MAX_SIDE, even));
  }

  private static boolean sideOk(int side) {
    return side >= MIN_SIDE && side <= MAX_SIDE;
  }

  private static int[] checkSize(int width, int height, List<VideoProblem> problems) {
    if (sideOk(width) && sideOk(height)) {
      return null;
    }
    if (width > REFUSE_SIDE || height > REFUSE_SIDE) {
      problems.add(
          sizeProblem(
              width,
              height,
              ", and this is far beyond it: the bot does not scale down videos larger than "
                  + REFUSE_SIDE
                  + " pixels a side.",
              "Export it at 2160 pixels or less on each side (4K is 3840×2160: scale to 2160p's"
                  + " height, or to 1080p) and upload it again.",
              false));
      return null;
    }
    int[] fitted = fitSize(width, height);
    if (fitted == null) {
      problems.add(
          sizeProblem(
              width,
              height,
              ", and this shape is too long and thin to scale into that range.",
              "Crop it to a shape no more than 3 times as wide as it is tall (or tall as it is"
                  + " wide), like 16:9, and upload it again.",
              false));
      return null;
    }
    problems.add(
        sizeProblem(
            width,
            height,
            ".",
            "The bot can scale it to " + MediaText.size(fitted[0], fitted[1]) + " (same shape).",
            true));
    return fitted;
  }

  /** "The video is W×H; Kling needs ..." followed by {@code detail}. */
  private static VideoProblem sizeProblem(
      int width, int height, String detail, String fix, boolean fixable) {
    return new VideoProblem(
        ProblemKind.DIMENSIONS,
        "The video is "
            + MediaText.size(width, height)
            + "; Kling needs width and height each between 720 and 2160 pixels"
            + detail,
        fix,
        fixable);
  }

  /** Adds the length problem, if any; returns the length to trim to, or null. */
  private static Long checkDuration(long millis, List<VideoProblem> problems) {
    if (millis < MIN_MILLIS) {
      problems.add(lengthProblem(millis, "Upload a clip of at least 2 seconds.", false));
      return null;
    }
    if (millis > SHORT_MAX_MILLIS && millis < LONG_MIN_MILLIS) {
      problems.add(
          lengthProblem(
              millis, "The bot can keep the first 5 seconds (or upload a clip of 7–10 s).", true));
      return SHORT_MAX_MILLIS;
    }
    if (millis > MAX_MILLIS) {
      problems.add(
          lengthProblem(
              millis,
              "The bot can keep the first 10 seconds (or trim it yourself and upload it again).",
              true));
      return MAX_MILLIS;
    }
    return null;
  }

  /** "The video is N s long; Kling takes clips of 2–5 s or 7–10 s." */
  private static VideoProblem lengthProblem(long millis, String fix, boolean fixable) {
    return new VideoProblem(
        ProblemKind.DURATION,
        "The video is "
            + MediaText.seconds(millis)
            + " long; Kling takes clips of 2–5 s or 7–10 s.",
        fix,
        fixable);
  }
}
