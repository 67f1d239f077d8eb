package dev.klingbot.core.media;

import static java.util.Objects.requireNonNull;

import dev.klingbot.core.i18n.Messages;
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
              Messages.text(
                  "media.rules.file.size",
                  MediaText.bytes(info.sizeBytes()),
                  MediaText.bytes(maxBytes)),
              Messages.text("media.rules.file.size.fix"),
              false));
    }

    if (!info.isMp4OrMov()) {
      problems.add(
          new VideoProblem(
              ProblemKind.CONTAINER,
              Messages.text("media.rules.container", info.containerLabel()),
              Messages.text(
                  info.isH264()
                      ? "media.rules.container.fix.remux"
                      : "media.rules.container.fix.convert"),
              true));
      changes.add(Messages.text("media.change.container", info.containerLabel()));
      if (!info.isH264()) {
        changes.add(Messages.text("media.change.codec", info.codecLabel()));
        reencode = true;
      }
    } else if (!info.isH264()) {
      problems.add(
          new VideoProblem(
              ProblemKind.CODEC,
              Messages.text("media.rules.codec", info.codecLabel()),
              Messages.text("media.rules.codec.fix"),
              true));
      changes.add(Messages.text("media.change.codec", info.codecLabel()));
      reencode = true;
    }

    if (info.rotation() != 0) {
      problems.add(
          new VideoProblem(
              ProblemKind.ROTATION,
              Messages.text("media.rules.rotation", String.valueOf(info.rotation())),
              Messages.text("media.rules.rotation.fix"),
              true));
      changes.add(Messages.text("media.change.rotation", String.valueOf(info.rotation())));
      reencode = true;
    }

    Long trimTo = checkDuration(info.durationMillis(), problems);
    if (trimTo != null) {
      changes.add(
          Messages.text(
              "media.change.length",
              MediaText.seconds(info.durationMillis()),
              MediaText.wholeSeconds(trimTo)));
      reencode = true;
    }

    Double fps = null;
    if (info.fps() > REFUSE_FPS || info.frameCount() > REFUSE_FRAMES) {
      problems.add(
          new VideoProblem(
              ProblemKind.FRAME_RATE,
              Messages.text(
                  "media.rules.frame.rate.extreme",
                  info.fps() > REFUSE_FPS
                      ? Messages.text(
                          "media.rules.frame.rate.extreme.fps", MediaText.fps(info.fps()))
                      : Messages.text(
                          "media.rules.frame.rate.extreme.frames",
                          String.valueOf(info.frameCount()))),
              Messages.text("media.rules.frame.rate.extreme.fix"),
              false));
    } else if (!isAllowedFrameRate(info.fps())) {
      fps = (double) nearestFrameRate(info.fps());
      problems.add(
          new VideoProblem(
              ProblemKind.FRAME_RATE,
              info.fps() > 0
                  ? Messages.text("media.rules.frame.rate", MediaText.fps(info.fps()))
                  : Messages.text("media.rules.frame.rate.unreadable"),
              Messages.text("media.rules.frame.rate.fix", MediaText.fps(fps)),
              true));
      changes.add(
          Messages.text(
              "media.change.frame.rate",
              info.fps() > 0
                  ? MediaText.fps(info.fps())
                  : Messages.text("media.change.frame.rate.unknown"),
              MediaText.fps(fps)));
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
            Messages.text(
                "media.change.size.even",
                MediaText.size(width, height),
                MediaText.size(size[0], size[1])));
      } else {
        size = null;
      }
    } else if (size != null) {
      changes.add(
          Messages.text(
              "media.change.size",
              MediaText.size(width, height),
              MediaText.size(size[0], size[1])));
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
          new VideoProblem(
              ProblemKind.DIMENSIONS,
              Messages.text(
                  "media.rules.size.far",
                  MediaText.size(width, height),
                  String.valueOf(REFUSE_SIDE)),
              Messages.text("media.rules.size.far.fix"),
              false));
      return null;
    }
    int[] fitted = fitSize(width, height);
    if (fitted == null) {
      problems.add(
          new VideoProblem(
              ProblemKind.DIMENSIONS,
              Messages.text("media.rules.size.shape", MediaText.size(width, height)),
              Messages.text("media.rules.size.shape.fix"),
              false));
      return null;
    }
    problems.add(
        new VideoProblem(
            ProblemKind.DIMENSIONS,
            Messages.text("media.rules.size", MediaText.size(width, height)),
            Messages.text("media.rules.size.fix", MediaText.size(fitted[0], fitted[1])),
            true));
    return fitted;
  }

  /** Adds the length problem, if any; returns the length to trim to, or null. */
  private static Long checkDuration(long millis, List<VideoProblem> problems) {
    if (millis < MIN_MILLIS) {
      problems.add(lengthProblem(millis, Messages.text("media.rules.length.short.fix"), false));
      return null;
    }
    if (millis > SHORT_MAX_MILLIS && millis < LONG_MIN_MILLIS) {
      problems.add(lengthProblem(millis, Messages.text("media.rules.length.between.fix"), true));
      return SHORT_MAX_MILLIS;
    }
    if (millis > MAX_MILLIS) {
      problems.add(lengthProblem(millis, Messages.text("media.rules.length.long.fix"), true));
      return MAX_MILLIS;
    }
    return null;
  }

  /** "The video is N s long; Kling takes clips of 2–5 s or 7–10 s." */
  private static VideoProblem lengthProblem(long millis, String fix, boolean fixable) {
    return new VideoProblem(
        ProblemKind.DURATION,
        Messages.text("media.rules.length", MediaText.seconds(millis)),
        fix,
        fixable);
  }
}
