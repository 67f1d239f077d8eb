package dev.klingbot.simulator;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A create-task body after field validation (HTTP 400 code 1201 naming the field otherwise).
 *
 * @param modelName {@code kling-v1-6} by default; any {@code kling-*} name is accepted
 * @param sessionId the session id
 * @param editMode {@code addition}, {@code swap} or {@code removal}
 * @param images the {@code image_list[].image} strings: addition 1–2, swap 1, removal none
 * @param prompt 1–2500 characters
 * @param negativePrompt at most 2500 characters, or empty
 * @param mode {@code std} (default) or {@code pro}
 * @param duration {@code "5"} (default) or {@code "10"}, a JSON string
 * @param callbackUrl an http(s) URL, if given
 * @param externalTaskId the caller's id, if given
 */
record TaskRequest(
    String modelName,
    String sessionId,
    String editMode,
    List<String> images,
    String prompt,
    String negativePrompt,
    String mode,
    String duration,
    Optional<String> callbackUrl,
    Optional<String> externalTaskId) {
  static final int MAX_PROMPT_LENGTH = 2500;
  private static final Set<String> EDIT_MODES = Set.of("addition", "swap", "removal");

  TaskRequest {
    requireNonNull(modelName, "modelName is null");
    images = List.copyOf(images);
  }

  static TaskRequest parse(JsonNode body) {
    String sessionId = Fields.requiredString(body, "session_id");
    String editMode = Fields.requiredString(body, "edit_mode");
    if (!EDIT_MODES.contains(editMode)) {
      throw Fields.invalid(
          "edit_mode must be one of addition, swap, removal; got '" + editMode + "'");
    }
    List<String> images = images(body);
    checkImageCount(editMode, images.size());
    String prompt = Fields.optionalString(body, "prompt").orElse("");
    if (prompt.isBlank()) {
      throw Fields.invalid("prompt is required");
    }
    if (prompt.length() > MAX_PROMPT_LENGTH) {
      throw Fields.invalid(
          "prompt must be at most " + MAX_PROMPT_LENGTH + " characters, got " + prompt.length());
    }
    String negativePrompt = Fields.optionalString(body, "negative_prompt").orElse("");
    if (negativePrompt.length() > MAX_PROMPT_LENGTH) {
      throw Fields.invalid(
          "negative_prompt must be at most "
              + MAX_PROMPT_LENGTH
              + " characters, got "
              + negativePrompt.length());
    }
    String mode = Fields.optionalString(body, "mode").orElse("std");
    if (!mode.equals("std") && !mode.equals("pro")) {
      throw Fields.invalid("mode must be std or pro; got '" + mode + "'");
    }
    JsonNode durationNode = body.get("duration");
    if (durationNode != null && !durationNode.isNull() && !durationNode.isTextual()) {
      throw Fields.invalid("duration must be a string, \"5\" or \"10\"");
    }
    String duration = Fields.optionalString(body, "duration").orElse("5");
    if (!duration.equals("5") && !duration.equals("10")) {
      throw Fields.invalid("duration must be \"5\" or \"10\"; got '" + duration + "'");
    }
    String modelName = Fields.optionalString(body, "model_name").orElse("kling-v1-6");
    if (!modelName.startsWith("kling-")) {
      throw Fields.invalid("model_name '" + modelName + "' is not supported");
    }
    Optional<String> callbackUrl = Fields.optionalString(body, "callback_url");
    if (callbackUrl.isPresent() && !Downloader.isHttpUrl(callbackUrl.get())) {
      throw Fields.invalid("callback_url must be an http(s) URL");
    }
    Optional<String> externalTaskId = Fields.optionalString(body, "external_task_id");
    return new TaskRequest(
        modelName,
        sessionId,
        editMode,
        images,
        prompt,
        negativePrompt,
        mode,
        duration,
        callbackUrl,
        externalTaskId);
  }

  private static List<String> images(JsonNode body) {
    Optional<ArrayNode> list = Fields.optionalArray(body, "image_list");
    List<String> images = new ArrayList<>();
    if (list.isEmpty()) {
      return images;
    }
    for (int i = 0; i < list.get().size(); i++) {
      JsonNode entry = list.get().get(i);
      if (!entry.isObject()) {
        throw Fields.invalid("image_list[" + i + "] must be an object with an image field");
      }
      JsonNode image = entry.get("image");
      if (image == null || !image.isTextual() || image.asText().isBlank()) {
        throw Fields.invalid("image_list[" + i + "].image is required (Base64 or URL)");
      }
      images.add(image.asText());
    }
    return images;
  }

  private static void checkImageCount(String editMode, int count) {
    boolean valid =
        switch (editMode) {
          case "addition" -> count >= 1 && count <= 2;
          case "swap" -> count == 1;
          default -> count == 0;
        };
    if (!valid) {
      String expected =
          switch (editMode) {
            case "addition" -> "1 or 2 images";
            case "swap" -> "exactly 1 image";
            default -> "no image";
          };
      throw Fields.invalid(
          "image_list for edit_mode " + editMode + " takes " + expected + ", got " + count);
    }
  }
}
