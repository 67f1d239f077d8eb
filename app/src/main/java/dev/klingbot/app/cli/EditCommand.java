package dev.klingbot.app.cli;

import com.google.inject.Injector;
import dev.klingbot.app.console.ConsoleChat;
import dev.klingbot.app.wiring.AppOptions;
import dev.klingbot.app.wiring.HttpService;
import dev.klingbot.app.wiring.Injection;
import dev.klingbot.app.wiring.Lifecycle;
import dev.klingbot.app.wiring.Logging;
import dev.klingbot.app.wiring.Simulation;
import dev.klingbot.config.KlingbotConfig;
import dev.klingbot.core.Platform;
import dev.klingbot.core.Requester;
import dev.klingbot.core.chat.ChatPorts;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.workflow.EditException;
import dev.klingbot.core.workflow.EditService;
import dev.klingbot.core.workflow.JobRunner;
import dev.klingbot.core.workflow.MediaSource;
import dev.klingbot.core.workflow.Reply;
import dev.klingbot.core.workflow.StartEdit;
import dev.klingbot.kling.TaskMode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code klingbot edit}: the whole workflow in one command, from a video and an instruction to the
 * result file, with a progress bar on stderr. Exit 0 only when the result was written.
 */
@Command(
    name = "edit",
    mixinStandardHelpOptions = true,
    description =
        "Edit a video in one go: check it, mark points, submit, wait, and write the result.")
public final class EditCommand implements Callable<Integer> {
  @Mixin ConfigOptions configOptions;

  @Spec CommandSpec spec;

  @Option(
      names = "--video",
      required = true,
      paramLabel = "FILE|URL",
      description = "The video to edit (MP4 or MOV).")
  String video;

  @Option(
      names = "--instruction",
      required = true,
      description = "What to do, e.g. \"remove the man in the red jacket\".")
  String instruction;

  @Option(
      names = "--image",
      paramLabel = "FILE|URL",
      description = "A reference image (up to 2): what to add or swap in.")
  List<String> images = new ArrayList<>();

  @Option(
      names = "--point",
      paramLabel = "F:X,Y",
      description =
          "Mark the element on frame F at x,y (fractions of the frame), or a grid cell: 0:C4. Repeatable.")
  List<String> points = new ArrayList<>();

  @Option(
      names = "--mode",
      defaultValue = "std",
      description = "std or pro (default ${DEFAULT-VALUE}).")
  String mode;

  @Option(names = "--negative", description = "What Kling should avoid.")
  String negative;

  @Option(
      names = "--conform",
      description =
          "Fix a video that breaks Kling's rules (frame rate, size, length, container) instead of stopping.")
  boolean conform;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Where to write the result (default: result-<edit id>.mp4).")
  Path out;

  @Option(names = "--simulate", description = "Use the embedded Kling simulator.")
  boolean simulate;

  @Option(
      names = "--timeout-minutes",
      defaultValue = "60",
      description = "Give up waiting after this long (default ${DEFAULT-VALUE}).")
  int timeoutMinutes;

  @Override
  public Integer call() throws Exception {
    TaskMode taskMode =
        switch (mode.toLowerCase(Locale.ROOT)) {
          case "std" -> TaskMode.STD;
          case "pro" -> TaskMode.PRO;
          default -> throw new IllegalArgumentException("--mode must be std or pro");
        };
    Map<Integer, String> pointsByFrame = parsePoints(points);
    PrintWriter err = spec.commandLine().getErr();
    KlingbotConfig config = OneShotPort.apply(configOptions.load());
    Logging.configure(config.logging());
    Logging.toFile(Path.of(config.media().workDir()).resolveSibling("klingbot.log"));
    try (Lifecycle lifecycle = new Lifecycle()) {
      AppOptions options = AppOptions.standard();
      if (simulate) {
        config = Simulation.start(config, Duration.ofSeconds(4), lifecycle).config();
        options = AppOptions.local();
      }
      Injector injector = Injection.create(config, options, lifecycle);
      ChatPorts ports = Injection.get(injector, ChatPorts.class);
      ports.register(new QuietChat());
      Injection.get(injector, HttpService.class).start();
      Injection.get(injector, JobRunner.class).follow(Platform.CLI).start();
      EditService service = Injection.get(injector, EditService.class);
      Requester who =
          new Requester(
              Platform.CLI,
              "local",
              "cli",
              null,
              System.getProperty("user.name", "cli"),
              null,
              true,
              null);
      Progress progress = new Progress(err);
      try {
        progress.show(Progress.Stage.CHECKING, "");
        List<MediaSource> imageSources = images.stream().map(MediaSource::parse).toList();
        Reply started =
            service.start(
                who,
                new StartEdit(
                    MediaSource.parse(video), instruction, imageSources, taskMode, negative));
        Edit edit = started.edit();
        if (edit.video().needsConform()) {
          if (!conform) {
            progress.done();
            err.println(ConsoleChat.plainText(started.message().text()));
            err.println(
                "klingbot: the video breaks Kling's rules; run again with --conform to use a fixed copy.");
            service.cancel(who, edit.id());
            return 1;
          }
          progress.show(Progress.Stage.FIXING, "");
          edit = service.conform(who, edit.id()).edit();
        }
        for (Map.Entry<Integer, String> frame : pointsByFrame.entrySet()) {
          progress.show(Progress.Stage.MARKING, "on frame " + frame.getKey());
          service.select(who, edit.id(), frame.getValue() + " frame:" + frame.getKey());
        }
        progress.show(Progress.Stage.SUBMITTING, "");
        service.submit(who, edit.id());
        Edit finished = await(service, who, edit.id(), progress);
        if (finished == null) {
          progress.done();
          err.println(
              "klingbot: gave up waiting after "
                  + dev.klingbot.core.Durations.words(Duration.ofMinutes(timeoutMinutes))
                  + "; the edit "
                  + edit.id()
                  + " keeps running and is delivered when the bot runs again.");
          return 1;
        }
        progress.done();
        if (finished.state() != EditState.SUCCEEDED || finished.outcome().resultFile() == null) {
          err.println(
              "klingbot: "
                  + (finished.outcome().failureReason() != null
                      ? finished.outcome().failureReason()
                      : "the edit did not produce a video (" + finished.state().label() + ")."));
          return 1;
        }
        Path target = out != null ? out : Path.of("result-" + finished.id() + ".mp4");
        if (target.toAbsolutePath().getParent() != null) {
          Files.createDirectories(target.toAbsolutePath().getParent());
        }
        Files.copy(
            Path.of(finished.outcome().resultFile()), target, StandardCopyOption.REPLACE_EXISTING);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(target);
        stdout.flush();
        err.println(
            "klingbot: edit "
                + finished.id()
                + " done: "
                + finished.request().summary()
                + " → "
                + target);
        return 0;
      } catch (EditException e) {
        progress.done();
        err.println("klingbot: " + ConsoleChat.plainText(e.getMessage()));
        return 1;
      }
    }
  }

  private Edit await(EditService service, Requester who, String id, Progress progress)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(timeoutMinutes));
    Instant start = Instant.now();
    while (Instant.now().isBefore(deadline)) {
      Edit edit = service.find(who, id);
      if (edit.state().isFinal() && edit.outcome().deliveredAt() != null) {
        return edit;
      }
      String elapsed =
          dev.klingbot.core.workflow.Texts.elapsed(Duration.between(start, Instant.now()));
      Progress.Stage stage =
          switch (edit.state()) {
            case SUBMITTED ->
                edit.task().queued() ? Progress.Stage.QUEUED : Progress.Stage.SUBMITTED;
            case PROCESSING -> Progress.Stage.PROCESSING;
            default -> Progress.Stage.DELIVERING;
          };
      progress.show(stage, elapsed);
      Thread.sleep(300);
    }
    return null;
  }

  static Map<Integer, String> parsePoints(List<String> typed) {
    Map<Integer, List<String>> byFrame = new LinkedHashMap<>();
    for (String text : typed) {
      int colon = text.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException(
            "--point "
                + text
                + ": write F:X,Y (frame:fractions), e.g. 0:0.42,0.55, or F:CELL like 0:C4");
      }
      int frame;
      try {
        frame = Integer.parseInt(text.substring(0, colon).strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--point " + text + ": the part before ':' must be a frame number");
      }
      byFrame.computeIfAbsent(frame, f -> new ArrayList<>()).add(text.substring(colon + 1).strip());
    }
    Map<Integer, String> joined = new LinkedHashMap<>();
    byFrame.forEach((frame, list) -> joined.put(frame, String.join(" ", list)));
    return joined;
  }

  /** The CLI posts nothing; the command reads the edit's state itself. */
  private static final class QuietChat implements dev.klingbot.core.chat.ChatPort {
    private int ids;

    @Override
    public Platform platform() {
      return Platform.CLI;
    }

    @Override
    public synchronized dev.klingbot.core.chat.MessageRef post(
        dev.klingbot.core.chat.Conversation where, dev.klingbot.core.chat.ChatMessage message) {
      return new dev.klingbot.core.chat.MessageRef(where, "cli-" + (++ids));
    }

    @Override
    public void edit(
        dev.klingbot.core.chat.MessageRef message,
        dev.klingbot.core.chat.ChatMessage replacement) {}

    @Override
    public long uploadLimitBytes(dev.klingbot.core.chat.Conversation where) {
      return Long.MAX_VALUE;
    }
  }

  /**
   * A one-line progress bar on stderr: redrawn in place on a terminal; when stderr is a file or a
   * pipe, one line per stage (not per tick), so logs stay readable.
   */
  static final class Progress {
    /** The stages of an edit, in order; the bar fills by stage. */
    enum Stage {
      CHECKING("checking the video"),
      FIXING("fixing the video"),
      MARKING("marking the element"),
      SUBMITTING("submitting"),
      QUEUED("queued at Kling"),
      SUBMITTED("submitted to Kling"),
      PROCESSING("processing"),
      DELIVERING("downloading the result");

      final String label;

      Stage(String label) {
        this.label = label;
      }
    }

    private static final int WIDTH = 24;
    private final PrintWriter err;
    private final boolean tty = System.console() != null;
    private Stage shown;

    Progress(PrintWriter err) {
      this.err = err;
    }

    void show(Stage stage, String detail) {
      int filled = (stage.ordinal() + 1) * WIDTH / Stage.values().length;
      String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
      String line = "[" + bar + "] " + stage.label + (detail.isEmpty() ? "" : " " + detail);
      if (tty) {
        err.print("\r" + line + "\u001b[K");
        err.flush();
      } else if (stage != shown) {
        err.println(line);
        err.flush();
      }
      shown = stage;
    }

    void done() {
      if (tty) {
        err.print("\r\u001b[K");
        err.flush();
      }
    }
  }
}
