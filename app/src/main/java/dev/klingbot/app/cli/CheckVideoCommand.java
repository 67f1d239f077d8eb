package dev.klingbot.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.klingbot.config.MediaConfig;
import dev.klingbot.core.media.AddressGuard;
import dev.klingbot.core.media.Downloads;
import dev.klingbot.core.media.MediaException;
import dev.klingbot.core.media.MediaText;
import dev.klingbot.core.media.OutputDuration;
import dev.klingbot.core.media.VideoCheck;
import dev.klingbot.core.media.VideoInfo;
import dev.klingbot.core.media.VideoProbe;
import dev.klingbot.core.media.VideoProblem;
import dev.klingbot.core.media.VideoRules;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code klingbot check-video}: checks a video file or link against Kling's rules. Exit code 0 when
 * it meets them, 1 when it does not (every problem is listed with its fix), 2 when it cannot be
 * read at all.
 */
@Command(
    name = "check-video",
    mixinStandardHelpOptions = true,
    description = {
      "Check a video against Kling's rules: MP4 or MOV, 2–5 s or 7–10 s long, width and height"
          + " 720–2160 px, 24, 30 or 60 fps.",
      "Exit code 0: ready for Kling; 1: has problems (listed with fixes); 2: cannot be read."
    })
public final class CheckVideoCommand implements Callable<Integer> {
  static final int VALID = 0;
  static final int INVALID = 1;
  static final int UNREADABLE = 2;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern EXTENSION = Pattern.compile("\\.([A-Za-z0-9]{1,5})$");

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  @Parameters(paramLabel = "FILE|URL", description = "A video file, or an http(s) link to one.")
  String source;

  @Mixin ConfigOptions configOptions = new ConfigOptions();

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    MediaConfig media = MediaConfig.defaults();
    long cap = media.maxVideoSize().bytes();
    PrintWriter out = spec.commandLine().getOut();
    VideoInfo info;
    try {
      info =
          isUrl(source)
              ? probeUrl(source, media, configOptions.load().config().media().allowPrivateUrls())
              : new VideoProbe().probe(Path.of(source));
    } catch (MediaException e) {
      if (json) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("valid", false);
        answer.put("fixable", false);
        answer.put("error", e.getMessage());
        printJson(out, answer);
      } else {
        spec.commandLine()
            .getErr()
            .println("klingbot: cannot check " + source + ": " + e.getMessage());
        spec.commandLine().getErr().flush();
      }
      return UNREADABLE;
    }
    VideoCheck check = new VideoRules(cap).check(info);
    if (json) {
      printJson(out, answer(info, check));
    } else {
      printText(out, info, check);
    }
    return check.ok() ? VALID : INVALID;
  }

  /** Downloads and probes a link; private addresses only with media.allow-private-urls. */
  private static VideoInfo probeUrl(String url, MediaConfig media, boolean allowPrivateUrls) {
    OkHttpClient client = new OkHttpClient();
    Path temp = null;
    try {
      temp = Files.createTempFile("klingbot-check-", suffixOf(url));
      new Downloads(client, media.downloadTimeout(), AddressGuard.of(allowPrivateUrls))
          .download(url, temp, media.maxVideoSize().bytes());
      return new VideoProbe().probe(temp);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          // a temporary file; the system cleans it up eventually
        }
      }
    }
  }

  static Map<String, Object> answer(VideoInfo info, VideoCheck check) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("valid", check.ok());
    answer.put("fixable", check.fixable());
    answer.put("video", videoJson(info));
    answer.put("output_duration", OutputDuration.choose(info).seconds());
    answer.put(
        "problems",
        check.problems().stream()
            .map(
                problem -> {
                  Map<String, Object> item = new LinkedHashMap<>();
                  item.put("kind", problem.kind().name().toLowerCase(Locale.ROOT));
                  item.put("message", problem.message());
                  item.put("fix", problem.fix());
                  item.put("fixable", problem.fixable());
                  return item;
                })
            .toList());
    answer.put("changes", check.changes());
    return answer;
  }

  /** The probed facts as JSON fields (shared with {@code conform --json}). */
  static Map<String, Object> videoJson(VideoInfo info) {
    Map<String, Object> video = new LinkedHashMap<>();
    video.put("container", info.container());
    video.put("codec", info.videoCodec());
    video.put("duration_ms", info.durationMillis());
    video.put("fps", info.fps());
    video.put("width", info.width());
    video.put("height", info.height());
    video.put("frames", info.frameCount());
    video.put("size_bytes", info.sizeBytes());
    video.put("audio", info.hasAudio());
    return video;
  }

  private static void printText(PrintWriter out, VideoInfo info, VideoCheck check) {
    out.println("Container:   " + info.containerLabel());
    out.println("Codec:       " + info.codecLabel());
    out.println(
        "Length:      "
            + MediaText.seconds(info.durationMillis())
            + " ("
            + info.frameCount()
            + " frames)");
    out.println("Frame rate:  " + MediaText.fps(info.fps()) + " fps");
    out.println("Size:        " + MediaText.size(info.width(), info.height()));
    out.println("File size:   " + MediaText.bytes(info.sizeBytes()));
    out.println("Sound:       " + (info.hasAudio() ? "yes (not sent to Kling)" : "none"));
    out.println("Kling output: " + OutputDuration.choose(info).seconds() + " s");
    out.println();
    if (check.ok()) {
      out.println("OK: ready for Kling");
    } else {
      List<VideoProblem> problems = check.problems();
      out.println(problems.size() == 1 ? "1 problem:" : problems.size() + " problems:");
      for (VideoProblem problem : problems) {
        out.println("  - " + problem.message());
        out.println("    Fix: " + problem.fix());
      }
      out.println();
      if (check.fixable()) {
        out.println("`klingbot conform` can fix all of them:");
        for (String change : check.changes()) {
          out.println("  " + change);
        }
      } else {
        out.println("`klingbot conform` cannot fix this video; see the fixes above.");
      }
    }
    out.flush();
  }

  static void printJson(PrintWriter out, Object answer) {
    try {
      out.println(JSON.writeValueAsString(answer));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
  }

  static boolean isUrl(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://");
  }

  private static String suffixOf(String url) {
    String path = url.replaceFirst("[?#].*$", "");
    Matcher matcher = EXTENSION.matcher(path);
    return matcher.find() ? "." + matcher.group(1).toLowerCase(Locale.ROOT) : ".video";
  }
}
