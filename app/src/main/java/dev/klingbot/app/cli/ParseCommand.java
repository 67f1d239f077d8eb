package dev.klingbot.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.klingbot.core.instruction.EditElements;
import dev.klingbot.core.instruction.EditPlan;
import dev.klingbot.core.instruction.InstructionParser;
import dev.klingbot.core.instruction.ParseResult;
import dev.klingbot.core.instruction.PromptTemplates;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code klingbot parse}: shows what the bot makes of an instruction (edit mode, element phrases,
 * the Kling prompt) without calling Kling. Exits 0 with a plan, 1 with a refusal. A refusal that
 * has a close reading ("rmeove the logo") also prints it: a {@code Suggestion:} line, or the {@code
 * suggestion} field of the JSON object (absent when there is none).
 */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description = {
      "Show how an instruction is understood: edit mode, elements and the Kling prompt.",
      "Nothing is sent to Kling. Exit code 0 when the instruction is an edit, 1 when refused."
    })
public final class ParseCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(
      names = "--images",
      paramLabel = "N",
      defaultValue = "0",
      description = "How many reference images are attached (default: ${DEFAULT-VALUE}).")
  int images;

  @Option(
      names = "--negative",
      paramLabel = "TEXT",
      description = "Negative prompt: what Kling should avoid.")
  String negative;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  @Parameters(
      arity = "1..*",
      paramLabel = "INSTRUCTION",
      description = "The instruction, e.g. \"remove the man in the red jacket\".")
  List<String> words;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (images < 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--images must be 0 or more, not " + images);
    }
    String instruction = String.join(" ", words);
    ParseResult result =
        new InstructionParser().parse(instruction, images, PromptTemplates.defaults(), negative);
    PrintWriter out = spec.commandLine().getOut();
    if (result instanceof ParseResult.Planned planned) {
      out.print(json ? toJson(planJson(planned.plan())) + "\n" : planText(planned.plan()));
      out.flush();
      return 0;
    }
    ParseResult.Refused refused = (ParseResult.Refused) result;
    String reason = refused.reason().name().toLowerCase(Locale.ROOT);
    if (json) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("error", reason);
      error.put("message", refused.message());
      // the close reading the user can accept instead of retyping; only when there is one
      refused.suggestion().ifPresent(suggestion -> error.put("suggestion", suggestion));
      out.println(toJson(error));
      out.flush();
    } else {
      PrintWriter err = spec.commandLine().getErr();
      err.println("Refused (" + reason.replace('_', ' ') + "): " + refused.message());
      refused.suggestion().ifPresent(suggestion -> err.println("Suggestion: " + suggestion));
      err.flush();
    }
    return 1;
  }

  private static String planText(EditPlan plan) {
    StringBuilder text = new StringBuilder();
    line(text, "Edit mode:", plan.mode().wireName());
    line(text, "Elements:", elementsText(plan));
    line(text, "Prompt:", plan.prompt());
    if (plan.negativePrompt() != null) {
      line(text, "Negative:", plan.negativePrompt());
    }
    line(text, "Images:", plan.imagesUsed() + " used");
    line(text, "Language:", plan.language().name().toLowerCase(Locale.ROOT));
    for (String notice : plan.notices()) {
      line(text, "Notice:", notice);
    }
    return text.toString();
  }

  private static void line(StringBuilder text, String label, String value) {
    text.append(String.format(Locale.ROOT, "%-12s%s%n", label, value));
  }

  private static String elementsText(EditPlan plan) {
    if (plan.rawPrompt()) {
      return "(raw prompt, used as written)";
    }
    EditElements elements = plan.elements();
    List<String> parts = new ArrayList<>();
    switch (plan.mode()) {
      case REMOVAL -> parts.add("element = " + elements.element());
      case SWAP -> {
        parts.add("original = " + elements.element());
        parts.add("replacement = " + elements.replacement());
      }
      case ADDITION -> {
        parts.add("subject = " + elements.subject());
        parts.add("location = " + elements.location());
      }
    }
    return String.join(", ", parts);
  }

  private static Map<String, Object> planJson(EditPlan plan) {
    Map<String, Object> elements = new LinkedHashMap<>();
    elements.put("element", plan.elements().element());
    elements.put("replacement", plan.elements().replacement());
    elements.put("subject", plan.elements().subject());
    elements.put("location", plan.elements().location());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("edit_mode", plan.mode().wireName());
    json.put("prompt", plan.prompt());
    json.put("negative_prompt", plan.negativePrompt());
    json.put("images_used", plan.imagesUsed());
    json.put("elements", elements);
    json.put("language", plan.language().name().toLowerCase(Locale.ROOT));
    json.put("raw_prompt", plan.rawPrompt());
    json.put("notices", plan.notices());
    json.put("summary", plan.summary());
    return json;
  }

  private static String toJson(Map<String, Object> value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
