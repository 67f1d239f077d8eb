package dev.klingbot.app.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.klingbot.app.wiring.KlingClients;
import dev.klingbot.kling.CreateTaskRequest;
import dev.klingbot.kling.EditMode;
import dev.klingbot.kling.InitSelectionRequest;
import dev.klingbot.kling.KlingClient;
import dev.klingbot.kling.KlingException;
import dev.klingbot.kling.Point;
import dev.klingbot.kling.SelectionRequest;
import dev.klingbot.kling.TaskDuration;
import dev.klingbot.kling.TaskMode;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import okhttp3.OkHttpClient;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code klingbot kling ...}: each Kling SDK call from the command line, printing Kling's answer as
 * JSON — for an admin checking an account. Credentials come from the environment (KLING_BASE_URL,
 * KLING_API_TOKEN, or KLING_ACCESS_KEY + KLING_SECRET_KEY) or the config file.
 */
@Command(
    name = "kling",
    mixinStandardHelpOptions = true,
    description = "Call the Kling multi-elements API directly and print the JSON answer.",
    subcommands = {
      KlingCommand.Init.class,
      KlingCommand.Select.class,
      KlingCommand.Unselect.class,
      KlingCommand.Clear.class,
      KlingCommand.Preview.class,
      KlingCommand.Create.class,
      KlingCommand.Task.class
    })
public final class KlingCommand implements Runnable {
  static final ObjectMapper JSON =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .findAndAddModules()
          .build();

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Shared by the subcommands: the client, and printing answers and errors. */
  abstract static class Call implements Callable<Integer> {
    @Mixin ConfigOptions configOptions;

    @Spec CommandSpec spec;

    abstract Object call(KlingClient client);

    @Override
    public Integer call() throws Exception {
      KlingClient client =
          KlingClients.create(
              configOptions.load().config().kling(), new OkHttpClient(), Clock.systemUTC());
      PrintWriter out = spec.commandLine().getOut();
      try {
        Object answer = call(client);
        out.println(JSON.writeValueAsString(answer));
        out.flush();
        return 0;
      } catch (KlingException e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("kling: " + e.getMessage());
        err.flush();
        return 1;
      } catch (IllegalArgumentException e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("kling: " + e.getMessage());
        err.flush();
        return 2;
      }
    }
  }

  static List<Point> points(List<String> typed) {
    List<Point> points = new ArrayList<>();
    for (String text : typed) {
      String[] parts = text.split(",");
      try {
        if (parts.length != 2) {
          throw new NumberFormatException("not two numbers");
        }
        points.add(
            new Point(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip())));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "“" + text + "” is not a point; write x,y with fractions of the frame, e.g. 0.42,0.55");
      }
    }
    return points;
  }

  @Command(
      name = "init",
      mixinStandardHelpOptions = true,
      description = "init-selection: open a session for a video.")
  static final class Init extends Call {
    @ArgGroup(multiplicity = "1")
    Source source;

    static final class Source {
      @Option(names = "--video-url", description = "MP4 or MOV URL Kling can download.")
      String videoUrl;

      @Option(
          names = "--video-id",
          description = "Id of a video Kling generated in the last 30 days.")
      String videoId;
    }

    @Override
    Object call(KlingClient client) {
      return client.initSelection(
          source.videoUrl != null
              ? InitSelectionRequest.ofVideoUrl(source.videoUrl)
              : InitSelectionRequest.ofVideoId(source.videoId));
    }
  }

  /** The calls on an open session. */
  abstract static class SessionCall extends Call {
    @Option(names = "--session", required = true)
    String session;
  }

  /** The options of the selection calls: a session, a frame and points on it. */
  abstract static class PointsCall extends SessionCall {
    @Option(names = "--frame", defaultValue = "0")
    int frame;

    @Option(
        names = "--point",
        required = true,
        description = "x,y as fractions of the frame (0,0 = top left); repeat for more.")
    List<String> points;

    SelectionRequest request() {
      return new SelectionRequest(session, frame, points(points));
    }
  }

  @Command(
      name = "select",
      mixinStandardHelpOptions = true,
      description = "add-selection: mark points on a frame.")
  static final class Select extends PointsCall {
    @Override
    Object call(KlingClient client) {
      return client.addSelection(request());
    }
  }

  @Command(
      name = "unselect",
      mixinStandardHelpOptions = true,
      description = "delete-selection: remove marked points (exactly as added).")
  static final class Unselect extends PointsCall {
    @Override
    Object call(KlingClient client) {
      return client.deleteSelection(request());
    }
  }

  @Command(
      name = "clear",
      mixinStandardHelpOptions = true,
      description = "clear-selection: remove every marked point.")
  static final class Clear extends SessionCall {
    @Override
    Object call(KlingClient client) {
      return client.clearSelection(session);
    }
  }

  @Command(
      name = "preview",
      mixinStandardHelpOptions = true,
      description = "preview-selection: track the selection through the video.")
  static final class Preview extends SessionCall {
    @Override
    Object call(KlingClient client) {
      return client.previewSelection(session);
    }
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a task.")
  static final class Create extends SessionCall {
    @Option(names = "--edit-mode", required = true, description = "addition, swap or removal.")
    String editMode;

    @Option(
        names = "--prompt",
        required = true,
        description = "Uses <<<video_1>>> and <<<image_1>>>/<<<image_2>>>.")
    String prompt;

    @Option(names = "--image", description = "Reference image URL or Base64; repeat for two.")
    List<String> images = new ArrayList<>();

    @Option(names = "--negative-prompt")
    String negativePrompt;

    @Option(names = "--mode", defaultValue = "std", description = "std or pro.")
    String mode;

    @Option(names = "--duration", defaultValue = "5", description = "5 or 10 seconds.")
    int duration;

    @Option(names = "--model", defaultValue = "kling-v1-6")
    String model;

    @Option(names = "--callback-url")
    String callbackUrl;

    @Option(names = "--external-id")
    String externalId;

    @Override
    Object call(KlingClient client) {
      EditMode edit =
          switch (editMode.toLowerCase(Locale.ROOT)) {
            case "addition" -> EditMode.ADDITION;
            case "swap" -> EditMode.SWAP;
            case "removal" -> EditMode.REMOVAL;
            default ->
                throw new IllegalArgumentException("--edit-mode must be addition, swap or removal");
          };
      TaskMode taskMode =
          switch (mode.toLowerCase(Locale.ROOT)) {
            case "std" -> TaskMode.STD;
            case "pro" -> TaskMode.PRO;
            default -> throw new IllegalArgumentException("--mode must be std or pro");
          };
      if (duration != 5 && duration != 10) {
        throw new IllegalArgumentException("--duration must be 5 or 10");
      }
      return client.createTask(
          CreateTaskRequest.builder()
              .modelName(model)
              .sessionId(session)
              .editMode(edit)
              .images(images)
              .prompt(prompt)
              .negativePrompt(negativePrompt)
              .mode(taskMode)
              .duration(duration == 10 ? TaskDuration.TEN : TaskDuration.FIVE)
              .callbackUrl(callbackUrl)
              .externalTaskId(externalId)
              .build());
    }
  }

  @Command(
      name = "task",
      mixinStandardHelpOptions = true,
      description = "Query a task by its id (or --external-id).")
  static final class Task extends Call {
    @Parameters(arity = "0..1", paramLabel = "TASK_ID")
    String taskId;

    @Option(names = "--external-id")
    String externalId;

    @Override
    Object call(KlingClient client) {
      if (taskId != null) {
        return client.queryTask(taskId);
      }
      if (externalId != null) {
        return client
            .findTaskByExternalId(externalId)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Kling has no task with external id " + externalId));
      }
      throw new IllegalArgumentException("give a TASK_ID or --external-id");
    }
  }
}
