package dev.klingbot.app.cli;

import dev.klingbot.core.media.ConformResult;
import dev.klingbot.core.media.MediaException;
import dev.klingbot.core.media.VideoConformer;
import dev.klingbot.core.media.VideoProbe;
import dev.klingbot.core.media.VideoRules;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code klingbot conform}: writes an MP4 that meets Kling's rules, converting frame rate, size,
 * length, container and codec as needed. Exit code 0 with the file written, 1 when the video cannot
 * be fixed (the reason is printed).
 */
@Command(
    name = "conform",
    mixinStandardHelpOptions = true,
    description = {
      "Write an MP4 (H.264) that meets Kling's rules: converts the frame rate to 24, 30 or 60 fps,"
          + " scales into 720–2160 px, keeps the first 5 or 10 s, repackages other containers.",
      "A video that already meets the rules is copied; a converted one loses its sound track"
          + " (it says so). OUT must not be IN.",
      "Exit code 0: written; 1: cannot be fixed (the reason is printed)."
    })
public final class ConformCommand implements Callable<Integer> {
  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  @Parameters(index = "0", paramLabel = "IN", description = "The video to convert.")
  Path in;

  @Parameters(index = "1", paramLabel = "OUT", description = "Where to write the MP4.")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (sameFile(in, out)) {
      throw new ParameterException(
          spec.commandLine(),
          "OUT is the same file as IN; conform never overwrites its source. Give another OUT, e.g. "
              + beside(in));
    }
    ConformResult result;
    try {
      VideoProbe probe = new VideoProbe();
      VideoRules rules = new VideoRules();
      if (!json) {
        announce(err, rules.check(probe.probe(in)).changes());
      }
      try (Progress progress = json ? null : new Progress(err, tick)) {
        result = new VideoConformer(probe, rules).conformIfNeeded(in, out);
      }
    } catch (MediaException e) {
      if (json) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ok", false);
        answer.put("error", e.getMessage());
        CheckVideoCommand.printJson(stdout, answer);
      } else {
        err.println("klingbot: cannot conform " + in + ": " + e.getMessage());
        err.flush();
      }
      return 1;
    }
    if (json) {
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("ok", true);
      answer.put("output", out.toString());
      answer.put("copied", result.copied());
      answer.put("changes", result.changes());
      answer.put("video", CheckVideoCommand.videoJson(result.after()));
      answer.put("sound_dropped", soundDropped(result));
      CheckVideoCommand.printJson(stdout, answer);
      return 0;
    }
    if (result.copied()) {
      stdout.println("Already meets Kling's rules; copied to " + out);
    } else {
      stdout.println("Wrote " + out + ":");
      for (String change : result.changes()) {
        stdout.println("  " + change);
      }
    }
    if (soundDropped(result)) {
      stdout.println("  sound track dropped (Kling edits the pictures only)");
    }
    stdout.println("Result: " + result.after().summary());
    stdout.flush();
    return 0;
  }

  /** How often the "still converting" line is printed. */
  Duration tick = Duration.ofSeconds(5);

  private static boolean soundDropped(ConformResult result) {
    return result.before().hasAudio() && !result.after().hasAudio();
  }

  private void announce(PrintWriter err, List<String> changes) {
    if (changes.isEmpty()) {
      err.println("Checking " + in + " …");
    } else {
      err.println(
          "Converting " + in + " (" + String.join(", ", changes) + "); this can take a while …");
    }
    err.flush();
  }

  static boolean sameFile(Path in, Path out) {
    try {
      if (Files.exists(in) && Files.exists(out)) {
        return Files.isSameFile(in, out);
      }
    } catch (IOException e) {
      // fall back to comparing the paths
    }
    return in.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize());
  }

  private static Path beside(Path in) {
    String name = in.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    return in.resolveSibling(stem + "-conformed.mp4");
  }

  /** Prints how long the conversion has been running, every {@code tick}, until closed. */
  private static final class Progress implements AutoCloseable {
    private final ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "conform-progress");
              thread.setDaemon(true);
              return thread;
            });
    private final long started = System.nanoTime();

    Progress(PrintWriter err, Duration tick) {
      timer.scheduleAtFixedRate(
          () -> {
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            err.println("  … still converting (" + seconds + " s)");
            err.flush();
          },
          tick.toMillis(),
          tick.toMillis(),
          TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
      timer.shutdownNow();
    }
  }
}
