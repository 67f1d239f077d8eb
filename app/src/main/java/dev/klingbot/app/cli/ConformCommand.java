package dev.klingbot.app.cli;

import dev.klingbot.core.media.ConformResult;
import dev.klingbot.core.media.MediaException;
import dev.klingbot.core.media.VideoConformer;
import dev.klingbot.core.media.VideoProbe;
import dev.klingbot.core.media.VideoRules;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
      "A video that already meets the rules is copied. The sound track is dropped.",
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
    ConformResult result;
    try {
      result = new VideoConformer(new VideoProbe(), new VideoRules()).conformIfNeeded(in, out);
    } catch (MediaException e) {
      if (json) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ok", false);
        answer.put("error", e.getMessage());
        CheckVideoCommand.printJson(stdout, answer);
      } else {
        PrintWriter err = spec.commandLine().getErr();
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
    stdout.println("Result: " + result.after().summary());
    stdout.flush();
    return 0;
  }
}
